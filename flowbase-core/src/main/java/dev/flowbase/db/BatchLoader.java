package dev.flowbase.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.util.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The bulk path of engines without a faster one: one prepared INSERT, executed as a JDBC batch,
 * each value bound by its Java type through the dialect. Binding here rather than through Jdbi's
 * named parameters made MariaDB's bulk load four times faster (bench/data).
 */
final class BatchLoader implements BulkLoader {
    private final Dialect dialect;

    BatchLoader(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public int load(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        String sql = "INSERT INTO " + dialect.quoteIdentifier(table) + " ("
                + columns.stream().map(dialect::quoteIdentifier).collect(Collectors.joining(", ")) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(ps, i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private void bind(PreparedStatement ps, int i, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setObject(i, null);
            case UUID u -> dialect.setUuid(ps, i, u);
            case Instant t -> dialect.setInstant(ps, i, t);
            case JsonNode j -> dialect.setJson(ps, i, Json.write(j));
            case Enum<?> e -> ps.setString(i, e.name().toLowerCase(Locale.ROOT));
            case String s -> ps.setString(i, s);
            case Integer n -> ps.setInt(i, n);
            case Long n -> ps.setLong(i, n);
            case Boolean b -> ps.setBoolean(i, b);
            default -> ps.setObject(i, value);
        }
    }
}
