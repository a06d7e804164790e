package dev.flowbase.db;

import dev.flowbase.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The client-side bound of every wait on a server's answer (docs/resilience.md): connecting and
 * logging in take at most the pool's connection timeout; a statement at most the statement timeout,
 * enforced by the server; and a read from the socket at most {@link #socketTimeout}, which is what
 * ends a wait on a server that vanished without closing the connection (a blackhole). A URL's own
 * {@code socketTimeout} wins.
 */
public final class Timeouts {
    /** Without a statement limit, a socket read still ends: long enough for any query Flowbase makes on a pool. */
    static final Duration WITHOUT_STATEMENT_LIMIT = Duration.ofMinutes(10);

    private Timeouts() {}

    /**
     * The statement timeout plus the connection timeout: the server cancels a long statement first,
     * so only a server that stopped answering meets this bound. Whole seconds, at least one.
     */
    public static Duration socketTimeout(DatabaseConfig config) {
        Duration statement = config.statementTimeout().isZero() ? WITHOUT_STATEMENT_LIMIT : config.statementTimeout();
        Duration sum = statement.plus(config.pool().connectionTimeout());
        return Duration.ofSeconds(Math.max(1, (sum.toMillis() + 999) / 1000));
    }

    /** Lifts the socket bound of {@code connection} for work that lifts its statement limit (a migration). */
    public static StatementLimit liftSocketTimeout(Connection connection) throws SQLException {
        int before = connection.getNetworkTimeout();
        connection.setNetworkTimeout(Runnable::run, 0);
        return () -> connection.setNetworkTimeout(Runnable::run, before);
    }
}
