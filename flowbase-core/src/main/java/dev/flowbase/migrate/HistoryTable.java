package dev.flowbase.migrate;

import dev.flowbase.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** The history table: one row per script run, baseline or undo, in {@code installed_rank} order. */
final class HistoryTable {
    private static final String COLUMNS = "installed_rank, version, description, type, script, checksum,"
            + " installed_by, installed_at, execution_time_ms, state, statements_applied, applied_checksum";

    private final TableName name;
    private final String quoted;
    private final Dialect dialect;
    private final EngineSupport engine;

    HistoryTable(String name, Dialect dialect, EngineSupport engine) {
        this.name = TableName.parse(name);
        this.quoted = this.name.quoted(dialect);
        this.dialect = dialect;
        this.engine = engine;
    }

    /** As given: {@code flowbase_schema_history} or {@code schema.table}. */
    String name() {
        return name.toString();
    }

    /** Quoted for SQL, part by part. */
    String quoted() {
        return quoted;
    }

    boolean exists(Connection c) throws SQLException {
        if (name.schema() != null) {
            try (PreparedStatement s = c.prepareStatement(engine.tableInSchemaExistsSql())) {
                s.setString(1, name.schema());
                s.setString(2, name.table());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(engine.tableExistsSql())) {
            s.setString(1, name.table());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + quoted + " ("
                    + "installed_rank INTEGER NOT NULL PRIMARY KEY, version VARCHAR(50),"
                    + " description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL,"
                    + " checksum VARCHAR(64), installed_by VARCHAR(100) NOT NULL,"
                    + " installed_at " + engine.timestampType() + " NOT NULL, execution_time_ms BIGINT NOT NULL,"
                    + " state VARCHAR(10) NOT NULL, statements_applied INTEGER NOT NULL, applied_checksum VARCHAR(64))"
                    + engine.tableOptions());
        }
    }

    /** Every row, oldest first; empty when the table does not exist yet. */
    List<HistoryRow> read(Connection c) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        if (!exists(c)) {
            return rows;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM " + quoted + " ORDER BY installed_rank")) {
            while (rs.next()) {
                String version = rs.getString(2);
                rows.add(new HistoryRow(
                        rs.getInt(1),
                        version == null ? null : Version.parse(version),
                        rs.getString(3),
                        MigrationType.fromId(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        dialect.getInstant(rs, 8),
                        rs.getLong(9),
                        MigrationState.fromId(rs.getString(10)),
                        rs.getInt(11),
                        rs.getString(12)));
            }
        }
        return rows;
    }

    void insert(Connection c, HistoryRow r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO " + quoted + " (" + COLUMNS + ")" + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setInt(1, r.installedRank());
            s.setString(2, r.version() == null ? null : r.version().toString());
            s.setString(3, truncate(r.description(), 200));
            s.setString(4, r.type().id());
            s.setString(5, r.script());
            s.setString(6, r.checksum());
            s.setString(7, truncate(r.installedBy(), 100));
            dialect.setInstant(s, 8, r.installedAt());
            s.setLong(9, r.executionTimeMs());
            s.setString(10, r.state().id());
            s.setInt(11, r.statementsApplied());
            if (r.appliedChecksum() == null) {
                s.setNull(12, Types.VARCHAR);
            } else {
                s.setString(12, r.appliedChecksum());
            }
            s.executeUpdate();
        }
    }

    /** Records how far a statement-by-statement run got, and in what state it now is. */
    void progress(Connection c, HistoryRow r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + quoted + " SET state = ?, statements_applied = ?,"
                + " applied_checksum = ?, checksum = ?, execution_time_ms = ? WHERE installed_rank = ?")) {
            s.setString(1, r.state().id());
            s.setInt(2, r.statementsApplied());
            s.setString(3, r.appliedChecksum());
            s.setString(4, r.checksum());
            s.setLong(5, r.executionTimeMs());
            s.setInt(6, r.installedRank());
            s.executeUpdate();
        }
    }

    void setState(Connection c, int rank, MigrationState state) throws SQLException {
        update(c, "UPDATE " + quoted + " SET state = ? WHERE installed_rank = ?", state.id(), rank);
    }

    void setChecksum(Connection c, int rank, String checksum) throws SQLException {
        update(c, "UPDATE " + quoted + " SET checksum = ? WHERE installed_rank = ?", checksum, rank);
    }

    void setName(Connection c, int rank, String script, String description) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("UPDATE " + quoted + " SET script = ?, description = ? WHERE installed_rank = ?")) {
            s.setString(1, script);
            s.setString(2, truncate(description, 200));
            s.setInt(3, rank);
            s.executeUpdate();
        }
    }

    void delete(Connection c, int rank) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + quoted + " WHERE installed_rank = ?")) {
            s.setInt(1, rank);
            s.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, String value, int rank) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            s.setInt(2, rank);
            s.executeUpdate();
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
