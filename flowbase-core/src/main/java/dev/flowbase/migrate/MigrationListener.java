package dev.flowbase.migrate;

import java.sql.Connection;
import java.sql.SQLException;

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

    /**
     * Called at each {@link MigrationEvent}, at the same moment and in the same transaction as the
     * SQL callback files of that event, after them. Throwing fails the step as a failing callback
     * file would: a {@code BEFORE_EACH_MIGRATE} that throws rolls its script back.
     *
     * @param connection the migrating connection; leave its transaction and auto-commit as they are
     * @param script the script of a {@code …EACH…} event, null for the others
     */
    default void on(MigrationEvent event, Connection connection, String script) throws SQLException {}
}
