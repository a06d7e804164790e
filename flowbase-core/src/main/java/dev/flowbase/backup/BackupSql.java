package dev.flowbase.backup;

import dev.flowbase.db.Dialect;
import dev.flowbase.engine.Engine;
import dev.flowbase.engine.EngineKit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** Rows the driver fetches at a time; 0 where the driver streams without being told (SQLite). */
    int fetchRows();

    /** A statement whose results stream in batches, so that memory stays flat however big the table. */
    default Statement streamingStatement(Connection connection) throws SQLException {
        Statement s = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        s.setFetchSize(fetchRows());
        return s;
    }

    /** The neutral kind of every column of {@code table}, in the table's column order. */
    Map<String, ColumnKind> columnKinds(Connection connection, String table) throws SQLException;

    /**
     * The columns of a user's own table ({@code backup create --all}), in order, each with the neutral
     * kind of its type, or none where the archive has no kind that keeps its values (a decimal, an
     * array, an enumeration): only types whose values survive the trip to another engine map.
     */
    List<UserColumn> userColumns(Connection connection, String table) throws SQLException;

    /** This engine's type for a user's column of {@code kind} in a new table; {@code key}: it is in the primary key. */
    String userColumnType(ColumnKind kind, boolean key);

    /** Rows per batch when loading. */
    int loadBatchRows();

    /**
     * Deletes every row of {@code tables} (given parents first) inside the caller's transaction, so
     * that a restore with {@code --replace} that fails leaves the old rows in place: children first,
     * by DELETE, unless the engine has a faster way that is still transactional.
     */
    default void clear(Connection connection, Dialect dialect, List<String> tables) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (int i = tables.size() - 1; i >= 0; i--) {
                s.executeUpdate("DELETE FROM " + dialect.quoteIdentifier(tables.get(i)));
            }
        }
    }

    /**
     * Drops, inside the caller's transaction, what slows a bulk load into empty tables (secondary
     * indexes, each rebuilt once at the end rather than row by row) and returns what rebuilds it.
     * Nothing by default: only where DDL is transactional can this keep a restore atomic.
     */
    default Rebuild deferIndexes(Connection connection, List<String> tables) throws SQLException {
        return Rebuild.NOTHING;
    }

    /** Puts back what {@link #deferIndexes} dropped, in the same transaction. */
    interface Rebuild {
        Rebuild NOTHING = () -> {};

        void run() throws SQLException;
    }

    /** Moves sequences and identities of {@code tables} past the ids just restored; nothing where the engine does it itself. */
    default void resetSequences(Connection connection, List<String> tables) throws SQLException {}

    /**
     * Tables the engine keeps for an index of its own (SQLite's full-text tables and their shadow
     * tables): derived from the tables they index, rebuilt by a restore's inserts, never archived.
     */
    default Set<String> derivedTables(Connection connection) throws SQLException {
        return Set.of();
    }

    static BackupSql forEngine(Engine engine) {
        return EngineKit.of(engine).part(BackupSql.class);
    }
}
