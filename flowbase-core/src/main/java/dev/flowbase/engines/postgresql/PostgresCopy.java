package dev.flowbase.engines.postgresql;

import dev.flowbase.db.BulkLoader;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Bulk loads with {@code COPY … FROM STDIN} in the text format: one line per row, tab between
 * values, {@code \N} for null, and backslash escapes for the characters the format reserves.
 */
final class PostgresCopy implements BulkLoader {

    @Override
    public int load(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                append(text, row[i]);
            }
            text.append('\n');
        }
        // Quoted: a user's table restored by backup --all may have names PostgreSQL reserves (user, order).
        String copy = "COPY " + quote(table) + " ("
                + columns.stream().map(PostgresCopy::quote).collect(Collectors.joining(", ")) + ") FROM STDIN";
        try {
            return (int)
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("Writing rows to COPY " + table, "58030", e);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String s = switch (value) {
            case Enum<?> e -> e.name().toLowerCase(Locale.ROOT);
            case Instant t -> t.toString();
            default -> value.toString();
        };
        if (!needsEscape(s)) {
            out.append(s); // the common case (ids, numbers, times, names): one copy, not one append per char
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
