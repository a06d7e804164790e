package dev.flowbase.engines.postgresql;

import dev.flowbase.search.Kind;
import dev.flowbase.search.SearchSql;
import dev.flowbase.search.Term;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Matches with {@code @@} on the same {@code to_tsvector('simple', translate(…))} expression that migration V4
 * indexed with GIN (the planner uses an expression index only for that exact expression), and ranks
 * with {@code ts_rank}. The query is built as a tsquery from parsed words, never by handing user
 * text to {@code to_tsquery}, whose syntax errors would be failures of the server.
 */
final class PostgresSearch implements SearchSql {

    private static String vector(Kind kind) {
        return "to_tsvector('simple'::regconfig, translate("
                + kind.textColumns().stream()
                        .map(c -> "coalesce(d." + c + (kind.isJson(c) ? "::text" : "") + ", '')")
                        .collect(Collectors.joining(" || ' ' || "))
                + ", '/._-@:', '      '))";
    }

    @Override
    public String from(Kind kind) {
        return kind.table() + " d";
    }

    /**
     * A row whose searched columns are all null has an empty vector and matches no query; the index
     * of task_executions (V6) leaves such rows out, and is used only when the statement says so.
     */
    private static String hasText(Kind kind) {
        return kind.textColumns().stream()
                .map(c -> "d." + c + " IS NOT NULL")
                .collect(Collectors.joining(" OR ", "(", ")"));
    }

    @Override
    public String matches(Kind kind) {
        return vector(kind) + " @@ to_tsquery('simple'::regconfig, :match) AND " + hasText(kind);
    }

    @Override
    public String score(Kind kind) {
        return "ts_rank(" + vector(kind) + ", to_tsquery('simple'::regconfig, :match))";
    }

    @Override
    public String render(List<Term> terms) {
        return terms.stream().map(PostgresSearch::term).collect(Collectors.joining(" & "));
    }

    private static String term(Term t) {
        List<String> words = t.words();
        StringBuilder s = new StringBuilder(t.isPhrase() ? "(" : "");
        for (int i = 0; i < words.size(); i++) {
            s.append(i == 0 ? "" : " <-> ").append('\'').append(words.get(i)).append('\'');
        }
        if (t.prefix()) {
            s.append(":*");
        }
        return s.append(t.isPhrase() ? ")" : "").toString();
    }
}
