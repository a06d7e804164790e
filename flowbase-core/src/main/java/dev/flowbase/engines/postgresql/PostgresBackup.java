package dev.flowbase.engines.postgresql;

import dev.flowbase.backup.BackupSql;
import dev.flowbase.backup.ColumnKind;
import dev.flowbase.backup.UserColumn;
import dev.flowbase.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PostgreSQL's backups: a {@code REPEATABLE READ, READ ONLY} transaction is one snapshot for every
 * table; results stream through a cursor only with autocommit off and a fetch size; restores
 * truncate inside their transaction (TRUNCATE is transactional here) and set serial sequences.
 */
final class PostgresBackup implements BackupSql {
    private static final int FETCH_ROWS = 2_000;

    @Override
    public void beginSnapshot(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
    }

    @Override
    public int fetchRows() {
        return FETCH_ROWS;
    }

    @Override
    public Map<String, ColumnKind> columnKinds(Connection connection, String table) throws SQLException {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER'"
                        + " ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kinds.put(rs.getString(1), kind(rs.getString(2)));
                }
            }
        }
        return kinds;
    }

    private static ColumnKind kind(String type) {
        return switch (type) {
            case "uuid" -> ColumnKind.UUID;
            case "timestamp with time zone", "timestamp without time zone" -> ColumnKind.INSTANT;
            case "json", "jsonb" -> ColumnKind.JSON;
            case "boolean" -> ColumnKind.BOOLEAN;
            case "smallint", "integer", "bigint" -> ColumnKind.INTEGER;
            case "double precision", "real" -> ColumnKind.DOUBLE;
            case "bytea" -> ColumnKind.BINARY;
            default -> ColumnKind.TEXT;
        };
    }

    @Override
    public List<UserColumn> userColumns(Connection connection, String table) throws SQLException {
        List<UserColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT column_name, data_type, udt_name, is_nullable"
                + " FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
                + " AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    ColumnKind kind = switch (type) {
                        case "text", "character varying", "character" -> ColumnKind.TEXT;
                        case "numeric",
                                "money",
                                "interval",
                                "date",
                                "time without time zone",
                                "time with time zone",
                                "ARRAY",
                                "USER-DEFINED",
                                "inet",
                                "cidr",
                                "xml",
                                "bit" -> null;
                        default -> {
                            ColumnKind k = kind(type);
                            yield k == ColumnKind.TEXT ? null : k; // only the types above are text as such
                        }
                    };
                    String shown = type.equals("ARRAY") || type.equals("USER-DEFINED") ? rs.getString(3) : type;
                    columns.add(new UserColumn(
                            rs.getString(1), shown, kind, rs.getString(4).equals("YES")));
                }
            }
        }
        return columns;
    }

    @Override
    public String userColumnType(ColumnKind kind, boolean key) {
        return switch (kind) {
            case UUID -> "uuid";
            case TEXT -> "text";
            case INTEGER -> "bigint";
            case DOUBLE -> "double precision";
            case BOOLEAN -> "boolean";
            case INSTANT -> "timestamptz";
            case JSON -> "jsonb";
            case BINARY -> "bytea";
        };
    }

    @Override
    public int loadBatchRows() {
        return 5_000;
    }

    @Override
    public void clear(Connection connection, Dialect dialect, List<String> tables) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(
                    "TRUNCATE " + tables.stream().map(dialect::quoteIdentifier).collect(Collectors.joining(", ")));
        }
    }

    /**
     * Drops the secondary indexes of {@code tables} (not those behind a primary key or constraint,
     * which the foreign keys use) and rebuilds them from {@code pg_indexes} after the load, all in the
     * restore's transaction: as pg_restore does, an index built once over the data is far cheaper than
     * one kept up row by row (bench/RESULTS.md).
     */
    @Override
    public Rebuild deferIndexes(Connection connection, List<String> tables) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT i.indexname, i.indexdef FROM pg_indexes i"
                + " WHERE i.schemaname = current_schema() AND i.tablename = ANY (?) AND NOT EXISTS ("
                + "SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname"
                + " AND c.connamespace = to_regnamespace(current_schema())) ORDER BY i.indexname")) {
            ps.setArray(1, connection.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL maintenance_work_mem = '256MB'");
            for (String name : indexes.keySet()) {
                s.execute("DROP INDEX \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
        return () -> {
            try (Statement s = connection.createStatement()) {
                for (String definition : indexes.values()) {
                    s.execute(definition);
                }
            }
        };
    }

    @Override
    public void resetSequences(Connection connection, List<String> tables) throws SQLException {
        String find = "SELECT column_name, pg_get_serial_sequence(quote_ident(table_name), column_name)"
                + " FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
                + " AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL";
        for (String table : tables) {
            Map<String, String> sequences = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(find)) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sequences.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            for (var e : sequences.entrySet()) {
                String column = "\"" + e.getKey().replace("\"", "\"\"") + "\"";
                try (PreparedStatement ps = connection.prepareStatement("SELECT setval(?, COALESCE(MAX(" + column
                        + "), 1), MAX(" + column + ") IS NOT NULL) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    ps.setString(1, e.getValue());
                    ps.execute();
                }
            }
        }
    }
}
