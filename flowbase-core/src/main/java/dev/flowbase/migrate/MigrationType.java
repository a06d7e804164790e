package dev.flowbase.migrate;

import java.util.Locale;

/** The kind of a script, and of a history row. */
public enum MigrationType {
    /** {@code V<version>__<description>.sql}: applied once, in version order. */
    VERSIONED,
    /** {@code U<version>__<description>.sql}: undoes the versioned script of the same version. */
    UNDO,
    /** {@code R__<description>.sql}: reapplied whenever its checksum changes, after all versioned ones. */
    REPEATABLE,
    /** A history row only: the database was declared to be at this version without running scripts. */
    BASELINE;

    /** The lower-case word stored in the history table and printed. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MigrationType fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
