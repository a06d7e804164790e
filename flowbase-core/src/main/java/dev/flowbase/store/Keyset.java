package dev.flowbase.store;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Keyset paging on {@code (created_at, id)}, which every listed table indexes after its filter
 * columns. The cursor is opaque to callers: base64url of the last row's instant and id.
 */
final class Keyset {
    private final boolean newestFirst;

    private Keyset(boolean newestFirst) {
        this.newestFirst = newestFirst;
    }

    static final Keyset OLDEST_FIRST = new Keyset(false);
    static final Keyset NEWEST_FIRST = new Keyset(true);

    /** The condition to AND into the WHERE clause ({@code TRUE}-like when on the first page). */
    private String where(PageRequest page) {
        if (page.cursor() == null) {
            return "1 = 1";
        }
        String op = newestFirst ? "<" : ">";
        return "(created_at " + op + " :keysetAt OR (created_at = :keysetAt AND id " + op + " :keysetId))";
    }

    private String orderAndLimit() {
        String dir = newestFirst ? " DESC" : "";
        return " ORDER BY created_at" + dir + ", id" + dir + " LIMIT :keysetLimit";
    }

    /** Binds the cursor and the limit (one more row than the page, to know whether another follows). */
    private Query bind(Query query, PageRequest page) {
        if (page.cursor() != null) {
            Position p = decode(page.cursor());
            query.bind("keysetAt", p.at()).bind("keysetId", p.id());
        }
        return query.bind("keysetLimit", page.limit() + 1);
    }

    /**
     * One page of the rows of {@code table} that match {@code filter} (a SQL condition on indexed
     * columns, {@code 1 = 1} for all), its parameters bound by {@code binds}.
     */
    <T extends Listed> Page<T> fetch(
            Tx tx, Handle h, String table, String filter, PageRequest page, Class<T> type, UnaryOperator<Query> binds) {
        Query query =
                h.createQuery("SELECT * FROM " + table + " WHERE " + filter + " AND " + where(page) + orderAndLimit());
        List<T> rows = bind(binds.apply(query), page).map(tx.rows(type)).list();
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        List<T> items = new ArrayList<>(rows.subList(0, page.limit()));
        T last = items.get(items.size() - 1);
        return new Page<>(items, encode(last.createdAt(), last.id()));
    }

    private record Position(Instant at, UUID id) {}

    static String encode(Instant at, UUID id) {
        String raw = at + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new Position(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
            String shown = cursor.length() > 40 ? cursor.substring(0, 40) + "…" : cursor;
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "cursor=" + shown + ": not a cursor Flowbase issued; pass the nextCursor of the page before,"
                            + " or none for the first page");
        }
    }
}
