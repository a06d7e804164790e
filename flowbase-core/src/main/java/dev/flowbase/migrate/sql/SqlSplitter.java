package dev.flowbase.migrate.sql;

import dev.flowbase.engine.Engine;
import dev.flowbase.engine.EngineKit;
import java.util.List;

/** Cuts a script into the statements it holds, by the lexical rules of one engine. */
public interface SqlSplitter {

    /**
     * The statements of {@code script} in order. Statements that hold only comments are dropped; a
     * leading byte order mark, CRLF line ends and a missing final delimiter are all accepted.
     *
     * @throws SqlSyntaxException if a string, quoted identifier, dollar quote or block comment is
     *     never closed, since everything after it would otherwise be swallowed silently
     */
    List<SqlStatement> split(String script);

    /** The splitter of {@code engine}'s kit. */
    static SqlSplitter forEngine(Engine engine) {
        return EngineKit.of(engine).part(SqlSplitter.class);
    }

    // The splitters are written in this package's lexical vocabulary (Syntax, Quote, Word), which
    // stays package-private; the engines' kits take them from here.

    /** PostgreSQL's rules: dollar quotes, E'' strings, nested comments, BEGIN ATOMIC, COPY … FROM stdin. */
    static SqlSplitter postgresql() {
        return new PostgresSplitter();
    }

    /** MariaDB's rules: backslash escapes, # comments, executable comments, DELIMITER. */
    static SqlSplitter mariadb() {
        return new MariaDbSplitter();
    }

    /** SQLite's rules: trigger bodies between BEGIN and END. */
    static SqlSplitter sqlite() {
        return new SqliteSplitter();
    }
}
