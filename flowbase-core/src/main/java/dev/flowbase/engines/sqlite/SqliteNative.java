package dev.flowbase.engines.sqlite;

import dev.flowbase.backup.NativeBackup;
import dev.flowbase.backup.NativeTool;
import dev.flowbase.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConnection;

/**
 * SQLite's native backups: the online backup API copies the database page by page into a new file (it
 * starts again by itself when another connection writes meanwhile, so the copy is one instant); the
 * copy is a database file anyone can open with {@code sqlite3}. Rows are counted in the copy itself. A
 * restore runs the backup API the other way, into the target's open database, inside the target's
 * write transaction: a killed restore is rolled back by the journal on the next open.
 */
final class SqliteNative implements NativeBackup {

    @Override
    public String format() {
        return "sqlite backup API";
    }

    @Override
    public String suffix() {
        return ".sqlite";
    }

    @Override
    public Dumped dump(Database db, List<String> tables, Path out) throws SQLException {
        String version;
        try (Connection c = db.connection()) {
            int rc = c.unwrap(SQLiteConnection.class).getDatabase().backup("main", out.toString(), null);
            if (rc != 0) {
                throw new SQLException("SQLite's backup API ended with result code " + rc);
            }
            version = "SQLite " + c.getMetaData().getDatabaseProductVersion() + " (sqlite-jdbc "
                    + c.getMetaData().getDriverVersion() + ")";
        }
        try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + out);
                Statement s = copy.createStatement()) {
            // A copy in rollback-journal mode is one self-contained file: no -wal or -shm beside it.
            s.execute("PRAGMA journal_mode = DELETE");
            Map<String, Long> rows = NativeTool.count(copy, db.dialect(), tables);
            return new Dumped(version, rows);
        }
    }

    @Override
    public void restore(Database target, Path file) throws SQLException {
        try (Connection c = target.connection()) {
            int rc = c.unwrap(SQLiteConnection.class).getDatabase().restore("main", file.toString(), null);
            if (rc != 0) {
                throw new SQLException("SQLite's backup API ended with result code " + rc + " restoring " + file);
            }
        }
    }
}
