package dev.flowbase.server.web;

import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.search.Search;
import dev.flowbase.search.SearchHit;
import dev.flowbase.server.http.routes.SearchRoutes;
import dev.flowbase.store.Page;
import dev.flowbase.store.PageRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The search box: the query language of docs/search.md over the key's organization, newest first,
 * each hit's snippet with its matched words in {@code <mark>}; a bad query shows the parser's
 * message. What a key may search is the API's rule ({@link SearchRoutes#readable}).
 */
final class SearchPage {
    private SearchPage() {}

    static String render(Visit v) {
        String q = v.query("q").orElse("");
        String results = "";
        if (!q.isEmpty()) {
            Search search = Search.on(v.web().services().database());
            try {
                Page<SearchHit> page = search.search(
                        v.principal().organizationId(),
                        search.parse(q),
                        Search.Order.NEWEST,
                        new PageRequest(50, v.query("cursor").orElse(null)),
                        SearchRoutes.readable(v.principal()));
                results = Html.table(
                                "Matches, newest first",
                                Html.th("Time", "Kind", "Title", "Match"),
                                Html.rows(page.items(), SearchPage::row),
                                "No match.")
                        + (page.nextCursor() == null
                                ? ""
                                : "<p><a href=\"/search?q=" + url(q) + "&amp;cursor=" + url(page.nextCursor())
                                        + "\">Older matches</a></p>");
            } catch (InvalidFieldException e) {
                results = "<p class=\"error\" role=\"alert\">" + Html.esc(e.getMessage()) + "</p>";
            }
        }
        return Layout.page(v, "Search", "/search", """
                <section class="card wide" aria-labelledby="search-h">
                  <h2 id="search-h" class="sr-only">Search</h2>
                  <form method="get" action="/search" class="filters" role="search">
                    <label for="search-q">Search</label>
                    <input id="search-q" name="q" size="60" value="%s"
                           placeholder='timeout "disk full" uplo* level:error since:24h'>
                    <button type="submit">Search</button>
                  </form>
                  %s
                </section>""".formatted(Html.esc(q), results));
    }

    private static String row(SearchHit h) {
        return "<tr><td>" + Html.time(h.createdAt()) + "</td><td>"
                + Html.esc(h.kind().typed()) + "</td><td>" + Html.esc(h.title()) + "</td><td>" + marked(h)
                + "</td></tr>";
    }

    /** The snippet escaped piece by piece, its matched words in {@code <mark>}. */
    static String marked(SearchHit h) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (SearchHit.Highlight m : h.highlights()) {
            out.append(Html.esc(h.snippet().substring(at, m.start())))
                    .append("<mark>")
                    .append(Html.esc(h.snippet().substring(m.start(), m.end())))
                    .append("</mark>");
            at = m.end();
        }
        return out.append(Html.esc(h.snippet().substring(at))).toString();
    }

    private static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
