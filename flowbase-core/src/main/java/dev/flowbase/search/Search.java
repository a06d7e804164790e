package dev.flowbase.search;

import dev.flowbase.db.Database;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.search.Kind.Field;
import dev.flowbase.store.Page;
import dev.flowbase.store.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Full-text search of one organisation's rows: parses the query, runs one statement per kind
 * searched (the match rendered by the engine's {@link SearchSql}), and merges them. Newest first
 * by default, keyset-paged; {@link Order#RELEVANCE} ranks the first page only, since a score
 * cannot be paged on stably and ranking every match of a common word is what makes a search slow.
 */
public final class Search {
    /** How results are ordered. */
    public enum Order {
        NEWEST,
        RELEVANCE
    }

    private final Database db;
    private final SearchSql sql;
    private final QueryParser parser;

    private Search(Database db, InstantSource clock) {
        this.db = db;
        this.sql = EngineKit.of(db.engine()).part(SearchSql.class);
        this.parser = new QueryParser(clock);
    }

    public static Search on(Database db) {
        return new Search(db, InstantSource.system());
    }

    public static Search on(Database db, InstantSource clock) {
        return new Search(db, clock);
    }

    /** Parses {@code text}: a clear error naming the bad token, or the query. */
    public SearchQuery parse(String text) {
        return parser.parse(text);
    }

    public Page<SearchHit> search(UUID organization, String text, Order order, PageRequest page) {
        return search(organization, parse(text), order, page);
    }

    public Page<SearchHit> search(UUID organization, SearchQuery query, Order order, PageRequest page) {
        return search(organization, query, order, page, EnumSet.allOf(Kind.class));
    }

    /** As above, searching only the kinds in {@code readable}: those the caller may read. */
    public Page<SearchHit> search(
            UUID organization, SearchQuery query, Order order, PageRequest page, Set<Kind> readable) {
        boolean ranked = order == Order.RELEVANCE && !query.terms().isEmpty();
        SearchCursor cursor = page.cursor() == null || ranked ? null : SearchCursor.decode(page.cursor());
        String match = query.terms().isEmpty() ? null : sql.render(query.terms());
        List<SearchHit> hits = new ArrayList<>();
        db.withHandle("search", h -> {
            for (Kind kind :
                    query.searchedKinds().stream().filter(readable::contains).toList()) {
                hits.addAll(kindQuery(h, kind, organization, query, match, ranked, cursor, page.limit() + 1));
            }
            return null;
        });
        Comparator<SearchHit> newest =
                Comparator.comparing(SearchHit::createdAt).reversed().thenComparing(SearchHit::kind);
        hits.sort(ranked ? Comparator.comparing(SearchHit::score).reversed().thenComparing(newest) : newest);
        boolean more = hits.size() > page.limit();
        List<SearchHit> shown = List.copyOf(hits.subList(0, Math.min(page.limit(), hits.size())));
        String next = null;
        if (more && !ranked) {
            SearchHit last = shown.get(shown.size() - 1);
            next = new SearchCursor(last.createdAt(), last.kind(), last.id()).encode();
        }
        return new Page<>(shown, next);
    }

    private List<SearchHit> kindQuery(
            Handle h,
            Kind kind,
            UUID org,
            SearchQuery q,
            String match,
            boolean ranked,
            SearchCursor cursor,
            int limit) {
        StringBuilder s = new StringBuilder("SELECT d.id, d.created_at, d.").append(kind.titleColumn());
        kind.textColumns().forEach(c -> s.append(", d.").append(c));
        s.append(", ")
                .append(kind.workflowColumn().map(c -> "d." + c).orElse("NULL"))
                .append(" AS ref_workflow");
        s.append(", ")
                .append(kind.taskColumn().map(c -> "d." + c).orElse("NULL"))
                .append(" AS ref_task");
        s.append(", ").append(match == null ? "0" : sql.score(kind)).append(" AS score");
        s.append(" FROM ").append(match == null ? kind.table() + " d" : sql.from(kind));
        s.append(" WHERE d.organization_id = :org");
        if (match != null) {
            s.append(" AND ").append(sql.matches(kind));
        }
        if (q.values().containsKey(Field.LEVEL)) {
            s.append(" AND d.level = :level");
        }
        if (q.values().containsKey(Field.STATUS)) {
            s.append(" AND d.status = :status");
        }
        if (q.values().containsKey(Field.QUEUE)) {
            s.append(" AND d.queue_name = :queue");
        }
        if (q.workflow() != null) {
            s.append(" AND d.").append(kind.workflowColumn().orElseThrow()).append(" = :workflow");
        }
        if (q.task() != null) {
            s.append(" AND d.").append(kind.taskColumn().orElseThrow()).append(" = :task");
        }
        if (q.since() != null) {
            s.append(" AND d.created_at >= :since");
        }
        if (q.until() != null) {
            s.append(" AND d.created_at < :until");
        }
        if (cursor != null) {
            s.append(" AND ").append(cursor.condition(kind));
        }
        s.append(
                ranked
                        ? " ORDER BY score DESC, d.created_at DESC, d.id DESC"
                        : " ORDER BY d.created_at DESC, d.id DESC");
        s.append(" LIMIT :limit");
        Query query = h.createQuery(s.toString()).bind("org", org).bind("limit", limit);
        if (match != null) {
            query.bind("match", match);
        }
        q.values().forEach((field, value) -> query.bind(field.typed(), value));
        bindIf(query, "workflow", q.workflow());
        bindIf(query, "task", q.task());
        if (q.since() != null) {
            query.bind("since", q.since());
        }
        if (q.until() != null) {
            query.bind("until", q.until());
        }
        if (cursor != null) {
            query.bind("cursorAt", cursor.at()).bind("cursorId", cursor.id());
        }
        List<String> words = q.words();
        boolean prefix =
                !q.terms().isEmpty() && q.terms().get(q.terms().size() - 1).prefix();
        return query.map((rs, ctx) -> hit(kind, rs, ctx, words, prefix, match != null))
                .list();
    }

    private static void bindIf(Query query, String name, UUID value) {
        if (value != null) {
            query.bind(name, value);
        }
    }

    private static SearchHit hit(
            Kind kind, ResultSet rs, StatementContext ctx, List<String> words, boolean prefix, boolean scored)
            throws SQLException {
        StringBuilder text = new StringBuilder();
        for (String c : kind.textColumns()) {
            String v = rs.getString(c);
            if (v != null && !v.isBlank() && !v.equals("{}")) {
                text.append(text.isEmpty() ? "" : " · ").append(v);
            }
        }
        Snippet snippet = Snippet.of(text.toString(), words, prefix);
        return new SearchHit(
                kind,
                uuid(rs, ctx, "id"),
                rs.getString(kind.titleColumn()),
                snippet.text(),
                snippet.highlights(),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx),
                scored ? rs.getDouble("score") : null,
                uuid(rs, ctx, "ref_workflow"),
                uuid(rs, ctx, "ref_task"));
    }

    private static UUID uuid(ResultSet rs, StatementContext ctx, String column) throws SQLException {
        return ctx.findColumnMapperFor(UUID.class).orElseThrow().map(rs, column, ctx);
    }
}
