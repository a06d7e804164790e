package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.db.DatabaseException;
import dev.flowbase.resilience.BreakerOpenException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure says the primary cannot be reached now, as its circuit breaker judges: what may
 * go to the fallback. A failure wrapped by the stores is judged by its causes.
 */
final class Outages {
    private Outages() {}

    static boolean unreachable(Database db, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BreakerOpenException) {
                return true;
            }
            if (t instanceof DatabaseException d && (d.kind().isOutage() || noConnection(db, d))) {
                return true;
            }
        }
        return false;
    }

    /** The pool, with room for more, could not open a connection in time: a server that accepts and never answers. */
    private static boolean noConnection(Database db, DatabaseException d) {
        for (Throwable t = d.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return db.poolStats().active() < db.config().pool().maxSize();
            }
        }
        return false;
    }
}
