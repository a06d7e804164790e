package dev.flowbase.seed;

import dev.flowbase.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes seed rows through one connection: {@link #ensure} finds a row by its natural key and
 * inserts it only when absent. Every value is bound as a parameter; identifiers are quoted by
 * the engine's rules ({@code key} is a reserved word on MariaDB).
 */
public final class SeedWriter {
    private final Connection connection;
    private final Dialect dialect;
    private final Map<String, Integer> inserted = new LinkedHashMap<>();

    SeedWriter(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * The id of the row of {@code table} whose {@code naturalKey} columns hold these values,
     * inserting {@code naturalKey} plus {@code values} (and a new id) when there is none.
     * A null natural-key value matches {@code IS NULL}.
     */
    public UUID ensure(String table, Map<String, Object> naturalKey, Map<String, Object> values) {
        try {
            UUID existing = find(table, naturalKey);
            if (existing != null) {
                return existing;
            }
            UUID id = UUID.randomUUID();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id.toString());
            row.putAll(naturalKey);
            row.putAll(values);
            insert(table, row);
            inserted.merge(table, 1, Integer::sum);
            return id;
        } catch (SQLException e) {
            throw dev.flowbase.db.SqlErrors.statement(dialect, "Seeding " + table, e);
        }
    }

    /** Rows inserted so far, per table, in the order first written. */
    public Map<String, Integer> inserted() {
        return Map.copyOf(inserted);
    }

    public boolean exists(String table, Map<String, Object> naturalKey) {
        try {
            return find(table, naturalKey) != null;
        } catch (SQLException e) {
            throw dev.flowbase.db.SqlErrors.statement(dialect, "Reading " + table, e);
        }
    }

    private UUID find(String table, Map<String, Object> naturalKey) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = naturalKey.entrySet().stream()
                .map(e -> {
                    if (e.getValue() == null) {
                        return q(e.getKey()) + " IS NULL";
                    }
                    params.add(e.getValue());
                    return q(e.getKey()) + " = ?";
                })
                .collect(Collectors.joining(" AND "));
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT " + q("id") + " FROM " + q(table) + " WHERE " + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? UUID.fromString(rs.getString(1)) : null;
            }
        }
    }

    private void insert(String table, Map<String, Object> row) throws SQLException {
        String columns = row.keySet().stream().map(this::q).collect(Collectors.joining(", "));
        String marks = row.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement ps =
                connection.prepareStatement("INSERT INTO " + q(table) + " (" + columns + ") VALUES (" + marks + ")")) {
            bind(ps, new ArrayList<>(row.values()));
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            ps.setObject(i + 1, v instanceof UUID u ? u.toString() : v);
        }
    }

    private String q(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }
}
