package dev.flowbase.backup;

import dev.flowbase.db.Dialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Some rows of one table, for an archive of only those rows (retention's {@code db clean --archive}):
 * a condition over the table's own columns with {@code ?} placeholders, and their values in order
 * (instants and UUIDs bound as the engine stores them). The condition is the caller's SQL, never a
 * user's text; the values are always bound.
 */
public record RowSelection(String table, String where, List<Object> params) {
    public RowSelection {
        params = List.copyOf(params);
    }

    void bind(PreparedStatement statement, Dialect dialect) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            switch (value) {
                case Instant t -> dialect.setInstant(statement, i + 1, t);
                case UUID u -> dialect.setUuid(statement, i + 1, u);
                case String s -> statement.setString(i + 1, s);
                default -> statement.setObject(i + 1, value);
            }
        }
    }
}
