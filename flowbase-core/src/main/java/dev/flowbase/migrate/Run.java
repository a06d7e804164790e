package dev.flowbase.migrate;

/** Whether a {@code migrate} or {@code rollback} changes the database or only says what it would run. */
public enum Run {
    /** Run the scripts and record them. */
    APPLY,
    /** Return the statements that would run; take no lock and touch nothing. */
    DRY_RUN
}
