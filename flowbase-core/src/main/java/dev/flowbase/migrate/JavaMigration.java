package dev.flowbase.migrate;

import org.jdbi.v3.core.Handle;

/**
 * A migration written in Java, for what SQL cannot say well (a backfill computed in code, data
 * moved between shapes). Registered on the migrator next to a folder, it is ordered by its version
 * with the files and recorded in the history like them; a file and a Java migration of the same
 * version are refused, naming both.
 *
 * <pre>{@code
 * Migrator.configure().database(db).location(folder).table("app_history")
 *         .javaMigrations(new V3_SplitNames())
 *         .load().migrate();
 * }</pre>
 *
 * It runs in the migration's transaction with the before- and after-each callbacks; on MariaDB
 * DDL commits by itself, as in a file.
 */
public interface JavaMigration {
    /** As in a file name: {@code "3"} or {@code "1.10"}. */
    String version();

    String description();

    /**
     * Stands for the code as a file's checksum stands for its text: change it when {@link #migrate}
     * changes, and {@code migrate validate} reports the applied version as edited. The class name by
     * default.
     */
    default String checksum() {
        return getClass().getName();
    }

    /** Does the work; throwing fails the migration, which is rolled back where the engine allows. */
    void migrate(Handle handle) throws Exception;

    /** Whether {@link #undo} is written: {@code migrate rollback} refuses a version without one. */
    default boolean canUndo() {
        return false;
    }

    default void undo(Handle handle) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " has no undo");
    }
}
