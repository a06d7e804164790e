package dev.flowbase.migrate.sql;

import dev.flowbase.engine.Engine;
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

    static SqlSplitter forEngine(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> new PostgresSplitter();
            case MARIADB -> new MariaDbSplitter();
            case SQLITE -> new SqliteSplitter();
        };
    }
}
