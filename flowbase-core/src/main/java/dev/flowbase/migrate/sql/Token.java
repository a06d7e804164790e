package dev.flowbase.migrate.sql;

/**
 * A piece of a script as the {@link Scanner} cut it.
 *
 * @param start the offset of its first character in the script
 * @param line the 1-based line on which it starts
 */
record Token(Kind kind, String text, int start, int line) {

    enum Kind {
        SPACE,
        COMMENT,
        /** A keyword, identifier or number. */
        WORD,
        /**
         * Text whose inside does not matter for splitting: a string, a quoted identifier, a dollar
         * quote, or MariaDB's executable comment (which, unlike a comment, is statement text).
         */
        QUOTED,
        /** Any other single character: an operator, parenthesis, or a ; that is not the delimiter. */
        SYMBOL,
        /** The current statement delimiter: ; unless MariaDB's DELIMITER changed it. */
        DELIMITER
    }

    int end() {
        return start + text.length();
    }

    /** Whether the token belongs to a statement's text, rather than to the space around it. */
    boolean isSignificant() {
        return kind != Kind.SPACE && kind != Kind.COMMENT;
    }

    boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }
}
