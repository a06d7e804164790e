package dev.flowbase.migrate.sql;

import java.util.Locale;
import java.util.Objects;

/**
 * One statement of a script, ready to hand to JDBC.
 *
 * @param sql the statement as written, without its terminating delimiter and without the
 *     whitespace and comments around it; comments inside it and every character of its strings
 *     (including {@code ?}) are kept as they are
 * @param line the 1-based line of the script on which the statement's first character stands,
 *     that is the first one that is neither whitespace nor part of a comment
 * @param copyData for {@code COPY … FROM stdin}, the rows that followed it up to the {@code \.}
 *     line, each ending in a newline; null for every other statement
 */
public record SqlStatement(String sql, int line, String copyData) {
    /** A statement without inline data: every statement but PostgreSQL's COPY … FROM stdin. */
    public SqlStatement(String sql, int line) {
        this(sql, line, null);
    }

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
    }

    /** The statement's first word in upper case ({@code INSERT}, {@code CREATE}, …); comments lead no statement. */
    public String firstKeyword() {
        int end = 0;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return sql.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
