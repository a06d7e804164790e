package dev.flowbase.migrate.sql;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The lexical rules in which the engines differ: which characters quote, which comments exist. */
record Syntax(List<Quote> quotes, Set<Feature> features) {

    enum Feature {
        /** PostgreSQL's E'…' strings, the only ones in which it honours backslash escapes. */
        ESCAPE_STRINGS,
        /** PostgreSQL's $$…$$ and $tag$…$tag$ quotes, used around function bodies and DO blocks. */
        DOLLAR_QUOTES,
        /** PostgreSQL lets block comments nest, so each inner opening needs its own closing. */
        NESTED_BLOCK_COMMENTS,
        /** MariaDB's comments from # to the end of the line. */
        HASH_COMMENTS,
        /** MariaDB reads -- as a comment only before a space or control character: 1--1 is 2. */
        SPACED_DASH_COMMENTS,
        /** MariaDB runs the SQL in comments that open with /*! or /*M!, so they are statement text. */
        EXECUTABLE_COMMENTS
    }

    Syntax {
        quotes = List.copyOf(quotes);
        features = Set.copyOf(features);
    }

    boolean has(Feature feature) {
        return features.contains(feature);
    }

    Optional<Quote> quoteOpenedBy(char c) {
        return quotes.stream().filter(q -> q.open() == c).findFirst();
    }
}
