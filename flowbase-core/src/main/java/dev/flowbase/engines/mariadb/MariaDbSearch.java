package dev.flowbase.engines.mariadb;

import dev.flowbase.search.Kind;
import dev.flowbase.search.SearchSql;
import dev.flowbase.search.Term;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Matches in BOOLEAN MODE on {@code search_text}, the case-insensitive copy of the text that
 * migration V4 indexed with FULLTEXT: every term required ({@code +}), a phrase quoted, a prefix
 * with {@code *}. The words are letters and digits only, so none of the mode's operators
 * ({@code + - < > ( ) ~ * " @}) can come from what the user typed.
 */
final class MariaDbSearch implements SearchSql {

    @Override
    public String from(Kind kind) {
        return kind.table() + " d";
    }

    @Override
    public String matches(Kind kind) {
        return "MATCH (d.search_text) AGAINST (:match IN BOOLEAN MODE)";
    }

    @Override
    public String score(Kind kind) {
        return matches(kind);
    }

    @Override
    public String render(List<Term> terms) {
        return terms.stream().map(MariaDbSearch::term).collect(Collectors.joining(" "));
    }

    private static String term(Term t) {
        if (t.prefix() && !t.isPhrase()) {
            return "+" + t.words().get(0) + "*";
        }
        // A phrase cannot end in a prefix here: its words must all be there, the last one whole.
        return "+\"" + String.join(" ", t.words()) + "\"";
    }
}
