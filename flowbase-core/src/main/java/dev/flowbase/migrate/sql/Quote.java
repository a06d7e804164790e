package dev.flowbase.migrate.sql;

/**
 * A pair of quote characters, and how a closing one is written inside them.
 *
 * @param name what the quotes make, for error messages: a string or a quoted identifier
 */
record Quote(char open, char close, boolean backslashEscapes, String name) {

    static Quote string(char quote) {
        return new Quote(quote, quote, false, "string");
    }

    static Quote identifier(char open, char close) {
        return new Quote(open, close, false, "quoted identifier");
    }

    Quote withBackslashEscapes() {
        return new Quote(open, close, true, name);
    }

    /**
     * Whether a doubled closing quote stands for itself ('it''s'). That holds where the same
     * character opens and closes; SQLite's [identifier] simply ends at the first ].
     */
    boolean doubles() {
        return open == close;
    }
}
