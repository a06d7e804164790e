package dev.flowbase.backup;

/**
 * Hears how far a backup, a verify or a restore has got, for a progress bar. Calls come from the
 * thread doing the work, after each chunk (about a megabyte), so they are cheap and few.
 */
public interface BackupProgress {
    BackupProgress NONE = new BackupProgress() {};

    /** A phase starts ({@code backup}, {@code verify}, {@code restore}, {@code check}) over {@code totalRows} rows, -1 when unknown. */
    default void phase(String name, long totalRows) {}

    /** Rows and bytes done so far in the phase, and the table being worked on. */
    default void advanced(String table, long rows, long bytes) {}

    default void finished() {}
}
