package dev.flowbase.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition with its values in order, {@code ?} for each: retention's named conditions
 * ({@code :cutoff}, {@code <namedQueues>}) made positional, so that several rules' conditions can
 * be joined with OR into one archive selection (each rule has its own cutoff) and still be bound.
 */
record RetentionSql(String sql, List<Object> params) {
    private static final Pattern NAMED = Pattern.compile(":([A-Za-z]\\w*)|<([A-Za-z]\\w*)>");

    RetentionSql {
        params = List.copyOf(params);
    }

    /** {@code named} with each {@code :name} a {@code ?} and each {@code <name>} as many as its list has. */
    static RetentionSql of(String named, Map<String, Object> binds) {
        Matcher m = NAMED.matcher(named);
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (!binds.containsKey(name)) {
                throw new IllegalStateException("no value for " + name + " in " + named);
            }
            Object value = binds.get(name);
            if (m.group(2) != null) {
                List<?> list = (List<?>) value;
                m.appendReplacement(
                        sql, String.join(", ", list.stream().map(v -> "?").toList()));
                params.addAll(list);
            } else {
                m.appendReplacement(sql, "?");
                params.add(value);
            }
        }
        m.appendTail(sql);
        return new RetentionSql(sql.toString(), params);
    }

    /** Either condition: null stands for none. */
    static RetentionSql or(RetentionSql a, RetentionSql b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        List<Object> params = new ArrayList<>(a.params);
        params.addAll(b.params);
        return new RetentionSql("(" + a.sql + ") OR (" + b.sql + ")", params);
    }

    /** This condition inside {@code before … after}, its values unchanged. */
    RetentionSql wrap(String before, String after) {
        return new RetentionSql(before + sql + after, params);
    }

    /** This condition followed by {@code after} and the values of {@code next}. */
    RetentionSql then(String after, RetentionSql next) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(next.params);
        return new RetentionSql(sql + after + next.sql, all);
    }
}
