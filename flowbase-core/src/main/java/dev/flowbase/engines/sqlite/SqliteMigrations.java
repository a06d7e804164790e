package dev.flowbase.engines.sqlite;

import static dev.flowbase.migrate.EngineSupport.execute;

import dev.flowbase.migrate.DbObject;
import dev.flowbase.migrate.EngineSupport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite: the lock is a write transaction ({@code BEGIN IMMEDIATE}), so the file lock that backs it
 * goes away with the process. Each script runs in a savepoint inside it and is committed when it
 * ends ({@link #checkpoint}), so what a run reported applied stays applied if it is killed later;
 * a script's failure rolls back to its savepoint and the failure is committed with the run.
 */
final class SqliteMigrations implements EngineSupport {
    private static final String SAVEPOINT = "flowbase_script";

    @Override
    public String timestampType() {
        return "TEXT";
    }

    @Override
    public String tableExistsSql() {
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
    }

    @Override
    public String tableInSchemaExistsSql() {
        return "SELECT 1 FROM pragma_table_list WHERE schema = ? AND name = ? AND type = 'table'";
    }

    /**
     * The run's busy timeout is the lock timeout, set once here and put back on release, so that
     * taking the write lock again at each checkpoint waits as long as the first time did.
     */
    @Override
    public MigrationLock lock(Connection c, String table, Duration timeout) throws SQLException {
        int previous = busyTimeout(c);
        execute(c, "PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try {
            beginImmediate(c, table, timeout);
        } catch (SQLException | RuntimeException e) {
            execute(c, "PRAGMA busy_timeout = " + previous);
            throw e;
        }
        return () -> {
            execute(c, "COMMIT");
            execute(c, "PRAGMA busy_timeout = " + previous);
        };
    }

    /**
     * Commits, then takes the write lock again. PRAGMA data_version changes only when another
     * connection commits, so comparing it across the gap says whether someone else wrote.
     */
    @Override
    public boolean checkpoint(Connection c, Duration lockTimeout) throws SQLException {
        execute(c, "COMMIT");
        long before = dataVersion(c);
        beginImmediate(c, "the migration history", lockTimeout);
        return dataVersion(c) != before;
    }

    private static void beginImmediate(Connection c, String table, Duration timeout) throws SQLException {
        try {
            execute(c, "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw EngineSupport.lockTimeout(
                    table, timeout, "another connection is writing to this database file: " + e.getMessage());
        }
    }

    private static long dataVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void begin(Connection c) throws SQLException {
        execute(c, "SAVEPOINT " + SAVEPOINT);
    }

    @Override
    public void commit(Connection c) throws SQLException {
        execute(c, "RELEASE " + SAVEPOINT);
    }

    @Override
    public void rollback(Connection c) throws SQLException {
        execute(c, "ROLLBACK TO " + SAVEPOINT);
        execute(c, "RELEASE " + SAVEPOINT);
    }

    /**
     * Some statements ({@code VACUUM}) refuse to run in a transaction: the run's transaction is
     * committed around them and taken again afterwards.
     */
    @Override
    public void outsideTransaction(Connection c, SqlWork work) throws SQLException {
        execute(c, "COMMIT");
        try {
            work.run();
        } finally {
            execute(c, "BEGIN IMMEDIATE");
        }
    }

    private static int busyTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    @Override
    public List<DbObject> objects(Connection c) throws SQLException {
        List<DbObject> found = new ArrayList<>();
        // Indexes and triggers go with their tables; views first.
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT upper(type), name FROM sqlite_master"
                        + " WHERE type IN ('view', 'table') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                        + " ORDER BY type = 'table', name")) {
            while (rs.next()) {
                found.add(new DbObject(rs.getString(1), rs.getString(2)));
            }
        }
        return found;
    }

    @Override
    public String dropSql(DbObject o) {
        return "DROP " + o.kind() + " IF EXISTS \"" + o.name().replace("\"", "\"\"") + "\"";
    }

    @Override
    public void withoutForeignKeyChecks(Connection c, EngineSupport.SqlWork drops) throws SQLException {
        // Inside the lock's transaction foreign_keys cannot be switched; deferring the checks to the
        // commit does it, and by then the tables that referenced each other are all gone.
        EngineSupport.execute(c, "PRAGMA defer_foreign_keys = ON");
        drops.run();
    }
}
