package dev.flowbase.backup;

import dev.flowbase.db.Dialect;
import dev.flowbase.engine.Engine;
import dev.flowbase.engine.EngineKit;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * What backing up and restoring does differently on each engine: how a consistent snapshot is begun,
 * how a result streams instead of being held whole, what each column type is in neutral terms, how a
 * target's rows are cleared for {@code --replace}, and how generated ids are moved past restored ones.
 * One class per engine implements it, in the engine's kit.
 */
public interface BackupSql {

    /**
     * Begins a read-only transaction on {@code connection} whose reads all see one instant, while
     * other sessions keep writing. The caller rolls it back when done.
     */
    void beginSnapshot(Connection connection) throws SQLException;

    /** A statement whose results stream in batches, so that memory stays flat however big the table. */
    Statement streamingStatement(Connection connection) throws SQLException;

    /** The neutral kind of every column of {@code table}, in the table's column order. */
    Map<String, ColumnKind> columnKinds(Connection connection, String table) throws SQLException;

    /** Rows per batch when loading. */
    int loadBatchRows();

    /**
     * Deletes every row of {@code tables} (given parents first) inside the caller's transaction, so
     * that a restore with {@code --replace} that fails leaves the old rows in place.
     */
    void clear(Connection connection, Dialect dialect, List<String> tables) throws SQLException;

    /** Moves sequences and identities of {@code tables} past the ids just restored; nothing where the engine does it itself. */
    default void resetSequences(Connection connection, List<String> tables) throws SQLException {}

    static BackupSql forEngine(Engine engine) {
        return EngineKit.of(engine).part(BackupSql.class);
    }
}
