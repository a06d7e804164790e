package dev.flowbase.migrate;

/**
 * Hears about a running {@code migrate} or {@code rollback}, for progress and metrics. Both methods
 * do nothing by default; they run on the migrating thread, with the lock held, so keep them quick.
 */
public interface MigrationListener {
    /** Does nothing: the default. */
    MigrationListener NONE = new MigrationListener() {};

    /** Called once, after the lock is taken and before the first script runs; {@code total} may be 0. */
    default void onStart(int total) {}

    /** Called after each script has run and been recorded. */
    default void onScript(ExecutedScript script) {}
}
