package dev.flowbase.server.http.routes;

import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.search.Kind;
import dev.flowbase.search.Search;
import dev.flowbase.search.SearchHit;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Body;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.Principal;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.store.PageRequest;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Full-text search of the caller's organization (docs/search.md). A viewer searches tasks,
 * executions and workflows; log lines need an operator and audit entries an admin. The POST
 * form takes the same fields in a body, for a query longer than a URL may be.
 */
public final class SearchRoutes implements RouteGroup {
    /** The POST form's body; absent fields take the GET form's defaults. */
    public record SearchRequest(String q, String sort, Integer limit, String cursor) {}

    @Override
    public void register(Router r) {
        r.group("search");
        r.get("/api/search", Access.VIEWER, this::get)
                .summary(
                        "Search log lines, tasks, executions, workflows and audit entries: words, \"phrases\", prefix*, field:value")
                .query("q", "the query (docs/search.md), at most 1000 characters")
                .query("sort", "newest (keyset-paged) or relevance (the best page only)")
                .query("limit", "page size, 1 to 1000 (50)")
                .query("cursor", "the nextCursor of the page before")
                .returns(Body.pageOf(SearchHit.class));
        r.post("/api/search", Access.VIEWER, this::post)
                .summary("The same search with the query in a JSON body")
                .accepts(SearchRequest.class)
                .returns(Body.pageOf(SearchHit.class));
    }

    private Object get(Call call) {
        return search(call, call.query("q").orElse(""), call.query("sort").orElse(null), call.page());
    }

    private Object post(Call call) {
        SearchRequest body = call.body(SearchRequest.class);
        int limit = body.limit() == null ? PageRequest.DEFAULT_LIMIT : body.limit();
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new InvalidFieldException("limit", String.valueOf(limit), "1 to " + PageRequest.MAX_LIMIT);
        }
        return search(call, body.q() == null ? "" : body.q(), body.sort(), new PageRequest(limit, body.cursor()));
    }

    private static Object search(Call call, String q, String sort, PageRequest page) {
        Search search = Search.on(call.services().database());
        return search.search(call.organization(), search.parse(q), order(sort), page, readable(call.principal()));
    }

    /**
     * The kinds a key may search: what it may list elsewhere. Log lines need an operator (as
     * {@code GET /api/logs}), audit entries an admin (as {@code GET /api/audit}).
     */
    public static Set<Kind> readable(Principal caller) {
        Set<Kind> readable = EnumSet.allOf(Kind.class);
        if (!Access.OPERATOR.allows(caller)) {
            readable.remove(Kind.LOG);
        }
        if (!Access.ADMIN.allows(caller)) {
            readable.remove(Kind.AUDIT);
        }
        return readable;
    }

    static Search.Order order(String sort) {
        if (sort == null) {
            return Search.Order.NEWEST;
        }
        return switch (sort.toLowerCase(Locale.ROOT)) {
            case "newest" -> Search.Order.NEWEST;
            case "relevance" -> Search.Order.RELEVANCE;
            default -> throw new InvalidFieldException("sort", "'" + sort + "'", "newest or relevance");
        };
    }
}
