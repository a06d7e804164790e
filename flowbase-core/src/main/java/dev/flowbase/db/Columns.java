package dev.flowbase.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.util.Json;
import java.lang.reflect.Type;
import java.sql.Types;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * How Java values meet the engines' columns, decided once per dialect so that no store ever does
 * it: UUIDs, instants (UTC on every engine), JSON documents as Jackson trees, and enums as the
 * lower-case strings that the schema's CHECKs accept.
 */
final class Columns {
    private Columns() {}

    static void register(Jdbi jdbi, Dialect dialect, RecordRows records) {
        // Optional filters bind their value whether or not the statement's text uses it.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        jdbi.registerArgument(new Arguments(dialect));
        jdbi.registerColumnMapper(UUID.class, (rs, col, ctx) -> {
            String text = rs.getString(col);
            return text == null ? null : UUID.fromString(text);
        });
        jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> dialect.getInstant(rs, col));
        jdbi.registerColumnMapper(JsonNode.class, (rs, col, ctx) -> {
            String text = rs.getString(col);
            return text == null ? null : Json.read(text);
        });
        jdbi.registerColumnMapper(new EnumMappers());
        jdbi.registerRowMapper(records);
    }

    /**
     * Binds by the declared type (Jdbi prepares arguments per type for bound records and batches),
     * so a null UUID or instant still reaches the driver as the engine wants it.
     */
    private record Arguments(Dialect dialect) implements ArgumentFactory.Preparable {
        @Override
        public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
            Class<?> raw = GenericTypes.getErasedType(type);
            if (raw == UUID.class) {
                return Optional.of(v -> (i, ps, ctx) -> dialect.setUuid(ps, i, (UUID) v));
            }
            if (raw == Instant.class) {
                return Optional.of(v -> (i, ps, ctx) -> dialect.setInstant(ps, i, (Instant) v));
            }
            if (JsonNode.class.isAssignableFrom(raw)) {
                return Optional.of(v -> {
                    String json = v == null ? null : Json.write(v);
                    return (i, ps, ctx) -> dialect.setJson(ps, i, json);
                });
            }
            if (raw.isEnum()) {
                return Optional.of(v -> (i, ps, ctx) -> {
                    if (v == null) {
                        ps.setNull(i, Types.VARCHAR);
                    } else {
                        ps.setString(i, ((Enum<?>) v).name().toLowerCase(Locale.ROOT));
                    }
                });
            }
            return Optional.empty();
        }
    }

    /** Reads an enum from its lower-case column value ({@code timed_out} is {@code TIMED_OUT}). */
    private static final class EnumMappers implements ColumnMapperFactory {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
            Class<?> raw = GenericTypes.getErasedType(type);
            if (!raw.isEnum()) {
                return Optional.empty();
            }
            Class<? extends Enum> enumType = (Class<? extends Enum>) raw;
            return Optional.of((rs, col, ctx) -> {
                String text = rs.getString(col);
                return text == null ? null : Enum.valueOf(enumType, text.toUpperCase(Locale.ROOT));
            });
        }
    }
}
