package dev.flowbase.db;

import java.sql.SQLException;

/**
 * A lifted statement time limit, put back by {@link #restore()}. Migrations take one for their
 * connection: a backfill or an index build may run far longer than the pool's limit.
 */
@FunctionalInterface
public interface StatementLimit {
    void restore() throws SQLException;

    /** Nothing to put back. */
    StatementLimit NONE = () -> {};

    /**
     * Control of the limit that {@link InstrumentedDataSource} applies to a connection's statements
     * from the client side, where the engine has no session limit of its own (SQLite).
     */
    interface ClientSide {
        /** Lifts the client-side limit of this connection's statements until the result is restored. */
        StatementLimit lift();
    }
}
