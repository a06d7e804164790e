package dev.flowbase.db;

import dev.flowbase.config.DatabaseConfig;
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
 */
final class Transactions {
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final DatabaseConfig config;
    private final ErrorCounts errors = new ErrorCounts();
    private final RetryPolicy retry;

    Transactions(Jdbi jdbi, Dialect dialect, DatabaseConfig config, RetryPolicy retry) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.config = config;
        this.retry = retry;
    }

    <T> T withHandle(String action, HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw translate(action, e);
        }
    }

    <T> T inTransaction(String action, HandleCallback<T, RuntimeException> work) {
        if (jdbi.getHandleScope().get() != null) {
            return once(action, work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(action, work);
            } catch (DatabaseException e) {
                if (!e.kind().equals(SqlErrorKind.DEADLOCK) || attempt >= retry.maxAttempts()) {
                    throw e;
                }
                retry.listener().retrying(action, attempt, e);
                pause(attempt);
            }
        }
    }

    private <T> T once(String action, HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw translate(action, e);
        }
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
