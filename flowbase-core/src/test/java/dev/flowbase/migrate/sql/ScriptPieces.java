package dev.flowbase.migrate.sql;

import dev.flowbase.engine.Engine;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@link SqlSplitterPropertyTest} builds scripts from, per engine. No word here may be a
 * keyword that opens or closes a block; CASE … END comes only whole, in parentheses, since two
 * CASE expressions side by side (END CASE) are no valid SQL but a MariaDB END CASE.
 *
 * @param separators what may follow a delimiter between statements; %d stands for the delimiter
 * @param bodyTemplate a statement with a body, with two %s for the statements inside it
 */
record ScriptPieces(
        List<String> words,
        List<String> comments,
        List<String> delimiters,
        List<String> separators,
        List<String> endings,
        String bodyTemplate) {

    static final List<String> VERBS = List.of("SELECT", "INSERT INTO t VALUES", "UPDATE t SET", "DELETE FROM");
    static final List<String> SPACES = List.of(" ", " ", "\n", "\r\n", "\t", "\n    ");

    private static final List<String> WORDS = List.of(
            "t",
            "col_1",
            "42",
            "3.14",
            "=",
            ",",
            "*",
            "?",
            "f(a, ?)",
            "(1, 2)",
            "x.y",
            "'a;b'",
            "'it''s; fine?'",
            "'-- not a comment'",
            "'/* nor this */'",
            "'?'",
            "''",
            "(CASE WHEN a THEN 'x;' ELSE ? END)");
    private static final List<String> COMMENTS =
            List.of("/* a; comment? */", "/* 'quote\" */", "-- line; comment ? '\n");
    private static final List<String> SEPARATORS =
            List.of("\n", " ", "\n\n", "\r\n", "\n-- between; ?\n", "\n/* between;\n ? */ ", "\n%d\n", "%d ");
    private static final List<String> ENDINGS = List.of("", "\n", "\n-- the end; ?", "\n/* the end; */\n", " \n\n");

    static ScriptPieces of(Engine engine) {
        return switch (engine) {
            case POSTGRESQL ->
                new ScriptPieces(
                        plus(
                                WORDS,
                                "E'it\\'s; \\\\'",
                                "\"quoted;id?\"",
                                "\"say \"\"hi\"\"\"",
                                "$1",
                                "$$ BEGIN x := 1; RETURN 'a;b'; END $$",
                                "$body$ SELECT 'x'; $$ $body$"),
                        plus(COMMENTS, "/* outer /* nested */ still; inside? */"),
                        List.of(";"),
                        SEPARATORS,
                        ENDINGS,
                        "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC %s; %s; END");
            case MARIADB ->
                new ScriptPieces(
                        plus(WORDS, "'it\\'s; ?'", "\"dq \\\"; ?\"", "`back;tick?`", "`x``y`", "1--1", "@v"),
                        plus(COMMENTS, "# hash; comment '\n", "/* not /* nested */"),
                        List.of(";", ";", "//", "$$"),
                        plus(SEPARATORS, "\n# between; '\n"),
                        ENDINGS,
                        "CREATE PROCEDURE p()\nBEGIN\n  %s;\n  IF a THEN %s; END IF;\nEND");
            case SQLITE ->
                new ScriptPieces(
                        plus(WORDS, "\"quoted;id?\"", "[bracket;id?]", "`tick;id`", "'back\\'", ":name", "?1"),
                        plus(COMMENTS, "/* not /* nested */"),
                        List.of(";"),
                        SEPARATORS,
                        ENDINGS,
                        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN %s; %s; END");
        };
    }

    private static List<String> plus(List<String> common, String... more) {
        return Stream.concat(common.stream(), Stream.of(more)).toList();
    }
}
