package dev.flowbase.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.db.Dialect;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * A value in its three forms. In Java: {@link UUID}, {@link String}, {@link Long}, {@link Double},
 * {@link Boolean}, {@link Instant}, JSON as {@link String}, {@code byte[]}. In the archive: a JSON
 * string, number, boolean or null (instants as ISO-8601 UTC with the source's precision, binary as
 * base64). In canonical form, for hashing: the same, except that instants are cut to milliseconds
 * (what every engine holds) and JSON documents are rewritten with sorted keys and no spaces.
 */
final class Values {
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Values() {}

    static Object read(ResultSet rs, int i, ColumnKind kind, Dialect dialect) throws SQLException {
        Object value = switch (kind) {
            case UUID -> {
                String s = rs.getString(i);
                yield s == null ? null : UUID.fromString(s);
            }
            case TEXT, JSON -> rs.getString(i);
            case INTEGER -> rs.getLong(i);
            case DOUBLE -> rs.getDouble(i);
            case BOOLEAN -> rs.getBoolean(i);
            case INSTANT -> dialect.getInstant(rs, i);
            case BINARY -> rs.getBytes(i);
        };
        return rs.wasNull() ? null : value;
    }

    static void writeArchive(JsonGenerator g, Object value, ColumnKind kind) throws IOException {
        switch (value) {
            case null -> g.writeNull();
            case Long n -> g.writeNumber(n);
            case Double d when Double.isFinite(d) -> g.writeNumber(d);
            case Double d -> g.writeString(d.toString());
            case Boolean b -> g.writeBoolean(b);
            case byte[] b -> g.writeString(Base64.getEncoder().encodeToString(b));
            default -> g.writeString(value.toString()); // uuid, text, JSON text, instant (ISO-8601, UTC)
        }
    }

    static void writeCanonical(JsonGenerator g, Object value, ColumnKind kind, CanonicalJson json) throws IOException {
        switch (value) {
            case null -> g.writeNull();
            case Instant t -> g.writeString(MILLIS.format(t.truncatedTo(ChronoUnit.MILLIS)));
            case String s when kind == ColumnKind.JSON -> g.writeString(json.of(s));
            default -> writeArchive(g, value, kind);
        }
    }

    /** The Java value of {@code node}, as {@link #read} would have given it. */
    static Object fromArchive(JsonNode node, ColumnKind kind, String table, String column) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return switch (kind) {
                case UUID -> UUID.fromString(node.textValue());
                case TEXT, JSON -> text(node);
                case INTEGER -> node.isIntegralNumber() ? node.longValue() : Long.parseLong(node.textValue());
                case DOUBLE -> node.isNumber() ? node.doubleValue() : Double.parseDouble(node.textValue());
                case BOOLEAN -> {
                    if (!node.isBoolean()) {
                        throw new IllegalArgumentException("not a boolean");
                    }
                    yield node.booleanValue();
                }
                case INSTANT -> Instant.parse(node.textValue());
                case BINARY -> Base64.getDecoder().decode(node.textValue());
            };
        } catch (RuntimeException e) {
            throw new FlowbaseException(
                    ErrorCode.ARCHIVE_INVALID,
                    table + "." + column + ": " + node + " is not a " + kind.id() + " value: the archive is damaged");
        }
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("not text");
        }
        return node.textValue();
    }
}
