package dev.flowbase.db;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.resilience.Breaker;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs work on a handle or in a transaction, the one way Flowbase touches its tables. Work that
 * starts inside other work joins it (Jdbi keeps the handle per thread), so several store calls
 * make one transaction. The outermost transaction is run again when the engine gave it up as a
 * deadlock or a serialization failure, a bounded number of times with jittered backoff; every
 * failure leaves as a {@link DatabaseException} whose message holds no SQL and no bound value.
 * The outermost call goes through the database's circuit breaker, and its commit counts only when
 * the engine confirms it ({@link Dialect#commitUnconfirmed}).
 */
final class Transactions {
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final DatabaseConfig config;
    private final ErrorCounts errors = new ErrorCounts();
    private final RetryPolicy retry;
    private final Breaker breaker;

    Transactions(Jdbi jdbi, Dialect dialect, DatabaseConfig config, RetryPolicy retry, Breaker breaker) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.config = config;
        this.retry = retry;
        this.breaker = breaker;
    }

    <T> T withHandle(String action, HandleCallback<T, RuntimeException> work) {
        if (jdbi.getHandleScope().get() != null) {
            return handle(action, work);
        }
        return breaker.call(() -> handle(action, work));
    }

    private <T> T handle(String action, HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw translate(action, e);
        }
    }

    <T> T inTransaction(String action, HandleCallback<T, RuntimeException> work) {
        if (jdbi.getHandleScope().get() != null) {
            return once(action, work, false);
        }
        return breaker.call(() -> retrying(action, work));
    }

    private <T> T retrying(String action, HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(action, work, true);
            } catch (DatabaseException e) {
                if (!e.kind().equals(SqlErrorKind.DEADLOCK) || attempt >= retry.maxAttempts()) {
                    throw e;
                }
                retry.listener().retrying(action, attempt, e);
                pause(attempt);
            }
        }
    }

    /** {@code outermost}: this commit ends the work, so it must be confirmed before the caller hears of success. */
    private <T> T once(String action, HandleCallback<T, RuntimeException> work, boolean outermost) {
        try {
            if (!outermost) {
                return jdbi.inTransaction(work);
            }
            return jdbi.withHandle(h -> {
                h.getConnection().clearWarnings();
                T result = h.inTransaction(work);
                if (dialect.commitUnconfirmed(h.getConnection())) {
                    throw unconfirmed(action);
                }
                return result;
            });
        } catch (JdbiException e) {
            throw translate(action, e);
        } catch (SQLException e) {
            throw SqlErrors.statement(dialect, action, e);
        }
    }

    private DatabaseException unconfirmed(String action) {
        errors.count(SqlErrorKind.COMMIT_UNCONFIRMED);
        return new DatabaseException(
                SqlErrorKind.COMMIT_UNCONFIRMED,
                action + " is not acknowledged: " + SqlErrorKind.COMMIT_UNCONFIRMED.description()
                        + " (the server cancelled its wait for synchronous replication)",
                null,
                0,
                null);
    }

    private RuntimeException translate(String action, JdbiException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                DatabaseException failure = e instanceof ConnectionException
                        ? SqlErrors.connecting(dialect, config, sql)
                        : SqlErrors.statement(dialect, action, sql);
                errors.count(failure.kind());
                return failure;
            }
        }
        return e;
    }

    ErrorCounts errors() {
        return errors;
    }

    private void pause(int attempt) {
        long ceiling =
                Math.min(retry.maxBackoff().toMillis(), retry.baseBackoff().toMillis() << (attempt - 1));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a transaction", interrupted);
        }
    }
}
