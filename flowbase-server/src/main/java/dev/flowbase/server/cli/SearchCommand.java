package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.search.Search;
import dev.flowbase.search.SearchHit;
import dev.flowbase.store.Page;
import dev.flowbase.store.PageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowbase search QUERY}: the query language of docs/search.md, on one organization's rows. */
@Command(
        name = "search",
        description = "Search log lines, tasks, executions and workflows: words, \"phrases\", prefix*, field:value.")
final class SearchCommand extends BaseCommand {
    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query; its words are joined by spaces.")
    List<String> query = List.of();

    @Option(
            names = "--organization",
            paramLabel = "SLUG",
            defaultValue = "default",
            description = "The organization whose rows to search (default: default).")
    String organization;

    @Option(
            names = "--sort",
            paramLabel = "ORDER",
            defaultValue = "newest",
            description = "newest (paged with --cursor) or relevance (the best page only).")
    String sort;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N hits (1-1000).")
    int limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "The next cursor a page before printed.")
    String cursor;

    @Override
    public Integer call() {
        Search.Order order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "newest" -> Search.Order.NEWEST;
            case "relevance" -> Search.Order.RELEVANCE;
            default -> throw new InvalidFieldException("--sort", sort, "newest or relevance");
        };
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new InvalidFieldException("--limit", String.valueOf(limit), "1 to " + PageRequest.MAX_LIMIT);
        }
        try (Database db = Database.open(config().database())) {
            UUID org = OrganizationBySlug.id(db, organization);
            Search search = Search.on(db);
            Page<SearchHit> page =
                    search.search(org, search.parse(String.join(" ", query)), order, new PageRequest(limit, cursor));
            if (json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("items", page.items());
                doc.put("nextCursor", page.nextCursor());
                Output.json(out(), doc);
            } else {
                print(page);
            }
        }
        return 0;
    }

    private void print(Page<SearchHit> page) {
        if (page.items().isEmpty()) {
            out().println("No match.");
            return;
        }
        Output.table(
                out(),
                List.of("KIND", "WHEN", "TITLE", "MATCH", "ID"),
                page.items().stream()
                        .map(h -> List.of(
                                h.kind().typed(),
                                String.valueOf(h.createdAt()),
                                String.valueOf(h.title()),
                                marked(h),
                                h.id().toString()))
                        .toList());
        if (page.nextCursor() != null) {
            out().println("More: --cursor " + page.nextCursor());
        }
    }

    /** The snippet with its matched words in [brackets], on one line. */
    private static String marked(SearchHit h) {
        StringBuilder s = new StringBuilder(h.snippet());
        List<SearchHit.Highlight> marks = h.highlights();
        for (int i = marks.size() - 1; i >= 0; i--) {
            s.insert(marks.get(i).end(), ']').insert(marks.get(i).start(), '[');
        }
        return s.toString();
    }
}
