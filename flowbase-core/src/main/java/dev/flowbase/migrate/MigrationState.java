package dev.flowbase.migrate;

import java.util.Locale;

/** The state of one history row. */
public enum MigrationState {
    SUCCESS,
    /**
     * Failed, or still running: a statement-by-statement run is recorded as failed before its first
     * statement, so a runner that is killed leaves an honest record of how far it got.
     */
    FAILED,
    /**
     * A statement-by-statement run was executing the statement after {@code statements_applied}, one
     * that commits by itself (DDL on MariaDB): if the row still says so, the runner died meanwhile
     * and that statement may or may not have taken effect.
     */
    RUNNING,
    /** A versioned row whose undo script has run. */
    UNDONE;

    /** A run that did not finish: failed, or stopped in the middle of a statement. */
    public boolean unfinished() {
        return this == FAILED || this == RUNNING;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MigrationState fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
