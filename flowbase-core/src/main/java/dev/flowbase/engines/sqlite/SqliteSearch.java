package dev.flowbase.engines.sqlite;

import dev.flowbase.search.Kind;
import dev.flowbase.search.SearchSql;
import dev.flowbase.search.Term;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Matches against the FTS5 table {@code fts_<table>} that migration V4 keeps in step with the
 * table by triggers, joined back by rowid, and ranks with {@code bm25} (negated: FTS5 gives the
 * best match the lowest). Each term is quoted, so {@code AND OR NOT NEAR} or a column filter typed
 * by a user are words, never operators.
 */
final class SqliteSearch implements SearchSql {

    @Override
    public String from(Kind kind) {
        String fts = "fts_" + kind.table();
        return fts + " JOIN " + kind.table() + " d ON d.rowid = " + fts + ".rowid";
    }

    @Override
    public String matches(Kind kind) {
        return "fts_" + kind.table() + " MATCH :match";
    }

    @Override
    public String score(Kind kind) {
        return "-bm25(fts_" + kind.table() + ")";
    }

    @Override
    public String render(List<Term> terms) {
        return terms.stream()
                .map(t -> "\"" + String.join(" ", t.words()) + "\"" + (t.prefix() ? "*" : ""))
                .collect(Collectors.joining(" AND "));
    }
}
