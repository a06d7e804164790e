package dev.flowbase.schema;

import java.util.Locale;

/** One way a live schema differs from the expected one, in words a person can act on. */
public record SchemaDifference(Kind kind, String table, String detail) {

    public enum Kind {
        MISSING_TABLE,
        EXTRA_TABLE,
        MISSING_COLUMN,
        EXTRA_COLUMN,
        CHANGED_COLUMN,
        CHANGED_PRIMARY_KEY,
        MISSING_INDEX,
        EXTRA_INDEX,
        CHANGED_INDEX,
        MISSING_FOREIGN_KEY,
        EXTRA_FOREIGN_KEY,
        MISSING_CHECK,
        EXTRA_CHECK,
        CHANGED_CHECK
    }

    /** For example {@code tasks: missing index idx_tasks_claim (queue_name, status)}. */
    public String describe() {
        return table + ": " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + detail;
    }
}
