package dev.flowbase.db;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a row to any record, by column name ({@code created_at} fills {@code createdAt}). Which
 * column fills which component, and with which column mapper, is worked out once per record type
 * and column layout and then reused: Jdbi's own ConstructorMapper works it out again for every
 * query, which cost more than the query itself for a 36-column row (measured in bench/data).
 */
final class RecordRows implements RowMapperFactory {
    private final Map<Class<?>, Mapper<?>> mappers = new ConcurrentHashMap<>();

    /** The mapper of {@code type}, the same instance every time: its plans are kept across handles. */
    @SuppressWarnings("unchecked")
    <T> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) mappers.computeIfAbsent(type, Mapper::new);
    }

    @Override
    public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
        Class<?> raw = GenericTypes.getErasedType(type);
        return raw.isRecord() ? Optional.of(mappers.computeIfAbsent(raw, Mapper::new)) : Optional.empty();
    }

    private static final class Mapper<T> implements RowMapper<T> {
        private final RecordComponent[] components;
        private final Constructor<T> constructor;
        private final Map<String, Plan<T>> plans = new ConcurrentHashMap<>();

        Mapper(Class<T> type) {
            this.components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                this.constructor = type.getDeclaredConstructor(types);
                this.constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record always has its canonical constructor", e);
            }
        }

        @Override
        public T map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }

        @Override
        public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            StringBuilder layout = new StringBuilder();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                layout.append(meta.getColumnLabel(c)).append(',');
            }
            Plan<T> plan = plans.get(layout.toString());
            if (plan == null) {
                plan = plan(meta, ctx);
                plans.put(layout.toString(), plan);
            }
            return plan;
        }

        private Plan<T> plan(ResultSetMetaData meta, StatementContext ctx) throws SQLException {
            int[] columns = new int[components.length];
            ColumnMapper<?>[] columnMappers = new ColumnMapper<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                String wanted = components[i].getName().toLowerCase(Locale.ROOT);
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    String label = meta.getColumnLabel(c).replace("_", "").toLowerCase(Locale.ROOT);
                    if (label.equals(wanted)) {
                        columns[i] = c;
                    }
                }
                if (columns[i] == 0) {
                    throw new IllegalStateException(
                            "no column for " + constructor.getDeclaringClass().getSimpleName() + "."
                                    + components[i].getName() + " in the query's result");
                }
                Type componentType = components[i].getGenericType();
                columnMappers[i] = ctx.findColumnMapperFor(componentType)
                        .orElseThrow(() -> new IllegalStateException("no column mapper for " + componentType));
            }
            return new Plan<>(constructor, columns, columnMappers);
        }
    }

    private record Plan<T>(Constructor<T> constructor, int[] columns, ColumnMapper<?>[] mappers)
            implements RowMapper<T> {
        @Override
        public T map(ResultSet rs, StatementContext ctx) throws SQLException {
            Object[] args = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                args[i] = mappers[i].map(rs, columns[i], ctx);
            }
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
