package dev.flowbase.migrate.sql;

import static dev.flowbase.migrate.sql.Syntax.Feature.DOLLAR_QUOTES;
import static dev.flowbase.migrate.sql.Syntax.Feature.ESCAPE_STRINGS;
import static dev.flowbase.migrate.sql.Syntax.Feature.EXECUTABLE_COMMENTS;
import static dev.flowbase.migrate.sql.Syntax.Feature.HASH_COMMENTS;
import static dev.flowbase.migrate.sql.Syntax.Feature.NESTED_BLOCK_COMMENTS;
import static dev.flowbase.migrate.sql.Syntax.Feature.SPACED_DASH_COMMENTS;

import dev.flowbase.migrate.sql.Token.Kind;
import java.util.Optional;

/**
 * Cuts a script into tokens. It knows only what splitting needs: where strings, quoted
 * identifiers, comments and words begin and end, and where the statement delimiter stands.
 */
final class Scanner {
    private static final Quote ESCAPE_STRING = Quote.string('\'').withBackslashEscapes();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String text;
    private final Syntax syntax;
    private String delimiter = ";";
    private int pos;
    private int line = 1;

    Scanner(String text, Syntax syntax) {
        this.text = text;
        this.syntax = syntax;
    }

    /** Changes the statement delimiter from here on, as MariaDB's DELIMITER command does. */
    void useDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    /** Consumes the rest of the current line as it is: the argument of a client command. */
    String restOfLine() {
        String rest = text.substring(pos, lineEnd());
        pos += rest.length();
        return rest;
    }

    /**
     * Consumes whole lines after the current one up to a line holding only {@code terminator}, and
     * returns them (each with its newline); empty when the text ends first. For psql's inline data
     * after COPY … FROM stdin, whose rows are data, not SQL.
     */
    Optional<String> linesUntil(String terminator) {
        int from = lineEnd() < text.length() ? lineEnd() + 1 : text.length();
        line += lineEnd() < text.length() ? 1 : 0;
        int start = from;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            int next = end < 0 ? text.length() : end + 1;
            String content = text.substring(from, end < 0 ? text.length() : end);
            if (content.endsWith("\r")) {
                content = content.substring(0, content.length() - 1);
            }
            if (content.equals(terminator)) {
                String data = text.substring(start, from).replace("\r\n", "\n");
                line += (int) text.substring(start, next)
                        .chars()
                        .filter(c -> c == '\n')
                        .count();
                pos = next;
                return Optional.of(data);
            }
            from = next;
        }
        return Optional.empty();
    }

    boolean hasNext() {
        return pos < text.length();
    }

    Token next() {
        char c = text.charAt(pos);
        if (text.startsWith(delimiter, pos)) {
            return take(Kind.DELIMITER, pos + delimiter.length());
        }
        if (isSpace(c)) {
            return take(Kind.SPACE, whitespaceEnd());
        }
        if (startsLineComment(c)) {
            return take(Kind.COMMENT, lineEnd());
        }
        if (text.startsWith("/*", pos)) {
            return take(isExecutableComment() ? Kind.QUOTED : Kind.COMMENT, blockCommentEnd());
        }
        Optional<String> tag = dollarTag();
        if (tag.isPresent()) {
            return take(Kind.QUOTED, dollarQuoteEnd(tag.get()));
        }
        Optional<Quote> quote = syntax.quoteOpenedBy(c);
        if (quote.isPresent()) {
            return take(Kind.QUOTED, quotedEnd(quote.get(), pos + 1));
        }
        return isWordPart(c) ? word() : take(Kind.SYMBOL, pos + 1);
    }

    private Token take(Kind kind, int end) {
        Token token = new Token(kind, text.substring(pos, end), pos, line);
        line += (int) token.text().chars().filter(c -> c == '\n').count();
        pos = end;
        return token;
    }

    /** Where the current line ends: at its line feed, which a CRLF line end also has, or the end. */
    private int lineEnd() {
        int end = text.indexOf('\n', pos);
        return end < 0 ? text.length() : end;
    }

    private int whitespaceEnd() {
        int end = pos;
        while (end < text.length() && isSpace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * Whitespace, and a byte order mark wherever it stands: files joined with cat keep the second
     * one's, and no engine takes it as part of a statement (a syntax error at the first character).
     */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == BYTE_ORDER_MARK;
    }

    private boolean startsLineComment(char c) {
        if (c == '#') {
            return syntax.has(HASH_COMMENTS);
        }
        if (!text.startsWith("--", pos)) {
            return false;
        }
        return !syntax.has(SPACED_DASH_COMMENTS) || pos + 2 == text.length() || text.charAt(pos + 2) <= ' ';
    }

    private boolean isExecutableComment() {
        return syntax.has(EXECUTABLE_COMMENTS) && (text.startsWith("/*!", pos) || text.startsWith("/*M!", pos));
    }

    private int blockCommentEnd() {
        boolean nests = syntax.has(NESTED_BLOCK_COMMENTS);
        int depth = 0;
        for (int i = pos; i < text.length(); ) {
            if (text.startsWith("/*", i) && (nests || depth == 0)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                if (--depth == 0) {
                    return i + 2;
                }
                i += 2;
            } else {
                i++;
            }
        }
        throw unterminated("block comment", nests ? "*/ (comments nest here: each /* inside needs its own */)" : "*/");
    }

    /** The $tag$ that opens a dollar quote here; a $ followed by anything else is a parameter ($1). */
    private Optional<String> dollarTag() {
        if (!syntax.has(DOLLAR_QUOTES) || text.charAt(pos) != '$') {
            return Optional.empty();
        }
        int end = pos + 1;
        if (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '_')) {
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
        }
        return end < text.length() && text.charAt(end) == '$'
                ? Optional.of(text.substring(pos, end + 1))
                : Optional.empty();
    }

    private int dollarQuoteEnd(String tag) {
        int close = text.indexOf(tag, pos + tag.length());
        if (close < 0) {
            throw unterminated("dollar-quoted string", tag);
        }
        return close + tag.length();
    }

    private int quotedEnd(Quote quote, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quote.backslashEscapes()) {
                i++; // whatever follows a backslash is taken literally, a quote included
            } else if (c == quote.close()) {
                boolean doubled = quote.doubles() && i + 1 < text.length() && text.charAt(i + 1) == c;
                if (!doubled) {
                    return i + 1;
                }
                i++;
            }
        }
        throw unterminated(quote.name(), String.valueOf(quote.close()));
    }

    /** A keyword, identifier or number; in PostgreSQL, a lone E before a quote opens an E'…' string. */
    private Token word() {
        int end = pos;
        while (end < text.length() && isWordPart(text.charAt(end)) && !text.startsWith(delimiter, end)) {
            end++;
        }
        boolean escapeString = syntax.has(ESCAPE_STRINGS)
                && end == pos + 1
                && Character.toUpperCase(text.charAt(pos)) == 'E'
                && text.startsWith("'", end);
        return escapeString ? take(Kind.QUOTED, quotedEnd(ESCAPE_STRING, end + 1)) : take(Kind.WORD, end);
    }

    /** Letters, digits, _ and $: all three engines allow $ inside identifiers. */
    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private SqlSyntaxException unterminated(String what, String closing) {
        return new SqlSyntaxException(
                "The %s that starts on line %d is never closed; add the closing %s.".formatted(what, line, closing),
                line);
    }
}
