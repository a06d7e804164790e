package dev.flowbase.engines.sqlite;

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
import java.util.regex.Pattern;

/**
 * SQLite's backups: a read transaction sees one snapshot of the file from its first read until it
 * ends (writers go on in the WAL). SQLite declares ids, times and JSON all as TEXT, so the neutral
 * kind comes from the schema's own conventions (docs/backup.md): {@code json_valid(col)} checks mark
 * JSON, {@code id} and foreign-key columns are UUIDs, {@code *_at} columns are UTC times, and an
 * INTEGER checked {@code IN (0, 1)} is a boolean. BackupSchemaTest holds these to PostgreSQL's types.
 */
final class SqliteBackup implements BackupSql {

    @Override
    public void beginSnapshot(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
            rs.next(); // the first read fixes the snapshot for the rest of the transaction
        }
    }

    @Override
    public int fetchRows() {
        return 0; // SQLite steps through a result row by row by itself
    }

    @Override
    public Map<String, ColumnKind> columnKinds(Connection connection, String table) throws SQLException {
        String sql = "";
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    sql = rs.getString(1).toLowerCase(Locale.ROOT);
                }
            }
        }
        Set<String> foreignKeys = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT \"from\" FROM pragma_foreign_key_list(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    foreignKeys.add(rs.getString(1));
                }
            }
        }
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT name, type FROM pragma_table_info(?) ORDER BY cid")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    kinds.put(name, kind(name, rs.getString(2).toLowerCase(Locale.ROOT), sql, foreignKeys));
                }
            }
        }
        return kinds;
    }

    private static ColumnKind kind(String name, String type, String tableSql, Set<String> foreignKeys) {
        String quoted = "\"?" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "\"?";
        if (type.contains("int")) {
            return Pattern.compile("\\b" + quoted + "\\s+in\\s*\\(\\s*0\\s*,\\s*1\\s*\\)")
                            .matcher(tableSql)
                            .find()
                    ? ColumnKind.BOOLEAN
                    : ColumnKind.INTEGER;
        }
        if (type.contains("real") || type.contains("floa") || type.contains("doub")) {
            return ColumnKind.DOUBLE;
        }
        if (type.contains("blob")) {
            return ColumnKind.BINARY;
        }
        if (Pattern.compile("json_valid\\(\\s*" + quoted + "\\s*\\)")
                .matcher(tableSql)
                .find()) {
            return ColumnKind.JSON;
        }
        if (name.equals("id") || foreignKeys.contains(name)) {
            return ColumnKind.UUID;
        }
        return name.endsWith("_at") ? ColumnKind.INSTANT : ColumnKind.TEXT;
    }

    /**
     * A user's table follows no Flowbase convention, so its kinds come from the declared types alone
     * (which SQLite keeps as written): only the names below map, an empty or other type does not.
     */
    @Override
    public List<UserColumn> userColumns(Connection connection, String table) throws SQLException {
        List<UserColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    String bare = type.replaceAll("\\(.*", "").strip().toUpperCase(Locale.ROOT);
                    columns.add(new UserColumn(
                            rs.getString(1), type, USER_KINDS.get(bare), rs.getInt(3) == 0 && rs.getInt(4) == 0));
                }
            }
        }
        return columns;
    }

    private static final Map<String, ColumnKind> USER_KINDS = Map.ofEntries(
            Map.entry("UUID", ColumnKind.UUID),
            Map.entry("TEXT", ColumnKind.TEXT),
            Map.entry("VARCHAR", ColumnKind.TEXT),
            Map.entry("CHARACTER VARYING", ColumnKind.TEXT),
            Map.entry("CHAR", ColumnKind.TEXT),
            Map.entry("CHARACTER", ColumnKind.TEXT),
            Map.entry("CLOB", ColumnKind.TEXT),
            Map.entry("INTEGER", ColumnKind.INTEGER),
            Map.entry("INT", ColumnKind.INTEGER),
            Map.entry("BIGINT", ColumnKind.INTEGER),
            Map.entry("SMALLINT", ColumnKind.INTEGER),
            Map.entry("REAL", ColumnKind.DOUBLE),
            Map.entry("DOUBLE", ColumnKind.DOUBLE),
            Map.entry("DOUBLE PRECISION", ColumnKind.DOUBLE),
            Map.entry("FLOAT", ColumnKind.DOUBLE),
            Map.entry("BOOLEAN", ColumnKind.BOOLEAN),
            Map.entry("TIMESTAMP", ColumnKind.INSTANT),
            Map.entry("DATETIME", ColumnKind.INSTANT),
            Map.entry("JSON", ColumnKind.JSON),
            Map.entry("BLOB", ColumnKind.BINARY));

    @Override
    public String userColumnType(ColumnKind kind, boolean key) {
        return switch (kind) {
            case UUID -> "UUID";
            case TEXT -> "TEXT";
            case INTEGER -> "INTEGER";
            case DOUBLE -> "REAL";
            case BOOLEAN -> "BOOLEAN";
            case INSTANT -> "TIMESTAMP";
            case JSON -> "JSON";
            case BINARY -> "BLOB";
        };
    }

    @Override
    public int loadBatchRows() {
        return 1_000;
    }

    /** FTS5's tables (V4's search index): the virtual table and the shadow tables that hold its index. */
    @Override
    public Set<String> derivedTables(Connection connection) throws SQLException {
        Set<String> derived = new HashSet<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('virtual', 'shadow')")) {
            while (rs.next()) {
                derived.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return derived;
    }
}
