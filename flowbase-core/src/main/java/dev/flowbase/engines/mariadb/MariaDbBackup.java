package dev.flowbase.engines.mariadb;

import dev.flowbase.backup.BackupSql;
import dev.flowbase.backup.ColumnKind;
import dev.flowbase.backup.UserColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MariaDB's backups: {@code START TRANSACTION WITH CONSISTENT SNAPSHOT} fixes InnoDB's read view for
 * every table at once; Connector/J streams only with a fetch size set, else it reads the whole result.
 * JSON is a LONGTEXT with the {@code json_valid} check MariaDB adds; virtual columns are not data.
 * A restore deletes rows rather than truncating, since TRUNCATE commits by itself here.
 */
final class MariaDbBackup implements BackupSql {
    private static final int FETCH_ROWS = 1_000;

    @Override
    public void beginSnapshot(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        }
    }

    @Override
    public int fetchRows() {
        return FETCH_ROWS;
    }

    @Override
    public Map<String, ColumnKind> columnKinds(Connection connection, String table) throws SQLException {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (UserColumn column : columns(connection, table)) {
            ColumnKind kind = column.kind();
            kinds.put(column.name(), kind == null ? ColumnKind.TEXT : kind);
        }
        return kinds;
    }

    /** Types that map to no kind are text for Flowbase's own tables (its migrations use none) and refused for a user's. */
    @Override
    public List<UserColumn> userColumns(Connection connection, String table) throws SQLException {
        return columns(connection, table);
    }

    private static List<UserColumn> columns(Connection connection, String table) throws SQLException {
        Set<String> json = new HashSet<>();
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                        + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String clause = rs.getString(1).replace(" ", "");
                    if (clause.startsWith("json_valid(`") && clause.endsWith("`)")) {
                        json.add(clause.substring("json_valid(`".length(), clause.length() - 2));
                    }
                }
            }
        }
        List<UserColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND EXTRA NOT LIKE '%GENERATED%'"
                        + " ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    columns.add(new UserColumn(
                            name,
                            rs.getString(3),
                            json.contains(name) ? ColumnKind.JSON : kind(rs.getString(2), rs.getString(3)),
                            rs.getString(4).equals("YES")));
                }
            }
        }
        return columns;
    }

    @Override
    public String userColumnType(ColumnKind kind, boolean key) {
        return switch (kind) {
            case UUID -> "UUID";
            case TEXT -> key ? "VARCHAR(255)" : "LONGTEXT"; // a key cannot be a LONGTEXT here
            case INTEGER -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case INSTANT -> "DATETIME(6)";
            case JSON -> "JSON";
            case BINARY -> key ? "VARBINARY(255)" : "LONGBLOB";
        };
    }

    private static ColumnKind kind(String type, String columnType) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "uuid" -> ColumnKind.UUID;
            case "datetime", "timestamp" -> ColumnKind.INSTANT;
            case "tinyint" -> columnType.startsWith("tinyint(1)") ? ColumnKind.BOOLEAN : ColumnKind.INTEGER;
            case "smallint", "mediumint", "int", "bigint" -> ColumnKind.INTEGER;
            case "double", "float" -> ColumnKind.DOUBLE;
            case "blob", "longblob", "mediumblob", "tinyblob", "varbinary", "binary" -> ColumnKind.BINARY;
            case "char", "varchar", "text", "tinytext", "mediumtext", "longtext" -> ColumnKind.TEXT;
            default -> null; // decimal, enum, set, date, time, year, bit, geometry: no kind keeps their values
        };
    }

    @Override
    public int loadBatchRows() {
        return 1_000;
    }
}
