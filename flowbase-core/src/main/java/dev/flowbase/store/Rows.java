package dev.flowbase.store;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The INSERT of a table from its column list, written once: {@code organization_id} is bound from
 * {@code :organizationId}, so a record's accessors bind it ({@code bindMethods}).
 */
final class Rows {
    private Rows() {}

    /** Built once per engine and table: stores are made per request (for its audit), statements are not. */
    private static final Map<String, String> INSERTS = new ConcurrentHashMap<>();

    static String insert(Tx tx, String table, String... columns) {
        String key = tx.db.engine().id() + " " + table + " " + String.join(",", columns);
        return INSERTS.computeIfAbsent(
                key,
                k -> "INSERT INTO " + table + " ("
                        + Arrays.stream(columns).map(tx::q).collect(Collectors.joining(", ")) + ") VALUES ("
                        + Arrays.stream(columns).map(c -> ":" + camel(c)).collect(Collectors.joining(", "))
                        + ")");
    }

    /** The row of {@code table} with this id, as {@code type}; for a caller, only one of its organization's. */
    static <T> Optional<T> byId(Tx tx, Handle h, String table, UUID id, Class<T> type) {
        return h.createQuery("SELECT * FROM " + table + " WHERE id = :id" + Tenancy.predicate(tx, table))
                .bind("id", id)
                .bind("tenant", tx.tenant)
                .map(tx.rows(type))
                .findOne();
    }

    static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }
}
