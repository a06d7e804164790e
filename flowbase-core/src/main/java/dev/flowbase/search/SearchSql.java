package dev.flowbase.search;

import java.util.List;

/**
 * How one engine matches a parsed query against its full-text index (migration V4). The rows of
 * the kind's table are aliased {@code d}; the rendered query is bound as {@code :match}. Everything
 * else of a search statement (organisation, filters, order, paging) is the same on every engine.
 */
public interface SearchSql {
    /** The FROM clause: the kind's table as {@code d}, joined to whatever the match needs. */
    String from(Kind kind);

    /** The condition that a row matches {@code :match}. */
    String matches(Kind kind);

    /** A relevance score of a matching row, higher is better. */
    String score(Kind kind);

    /**
     * The terms in the engine's own query syntax, every term required. Words hold letters and
     * digits only ({@link Term}), so nothing a user typed can become an operator.
     */
    String render(List<Term> terms);
}
