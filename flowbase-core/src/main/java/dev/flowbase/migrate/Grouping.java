package dev.flowbase.migrate;

/** How pending scripts share transactions during a {@code migrate}. */
public enum Grouping {
    /** Each script commits on its own, so a failure keeps the scripts before it. */
    SCRIPT_BY_SCRIPT,
    /**
     * Every pending script in one transaction: all or none, and faster (no commit per file). Refused
     * where DDL commits by itself, and for a script marked as running outside a transaction.
     */
    ONE_TRANSACTION
}
