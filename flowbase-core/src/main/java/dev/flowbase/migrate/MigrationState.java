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
    /** A versioned row whose undo script has run. */
    UNDONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MigrationState fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
