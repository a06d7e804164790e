package dev.flowbase.migrate.sql;

import dev.flowbase.migrate.sql.Syntax.Feature;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL: backslash escapes only in E'…' strings, dollar quotes around function bodies and DO
 * blocks, block comments that nest. Semicolons also stay inside the BEGIN ATOMIC … END body of an
 * SQL-standard function or procedure; as in psql, only CREATE [OR REPLACE] FUNCTION and PROCEDURE
 * can open one, so a BEGIN; of its own remains a transaction start.
 */
final class PostgresSplitter extends ScriptSplitter {
    private static final Syntax SYNTAX = new Syntax(
            List.of(Quote.string('\''), Quote.identifier('"', '"')),
            EnumSet.of(Feature.ESCAPE_STRINGS, Feature.DOLLAR_QUOTES, Feature.NESTED_BLOCK_COMMENTS));
    private static final Set<String> ROUTINES = Set.of("FUNCTION", "PROCEDURE");

    PostgresSplitter() {
        super(SYNTAX);
    }

    /** COPY … FROM stdin, as pg_dump writes it: the rows follow on the next lines, up to a line {@code \.}. */
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)COPY\\s.*\\sFROM\\s+STDIN\\b.*");

    @Override
    SqlStatement withInlineData(SqlStatement statement, Scanner scanner) {
        if (!COPY_FROM_STDIN.matcher(statement.sql()).matches()) {
            return statement;
        }
        String data = scanner.linesUntil("\\.")
                .orElseThrow(() -> new SqlSyntaxException(
                        "The COPY … FROM stdin on line %d has no line \\. ending its data; end the rows with a line holding only \\."
                                .formatted(statement.line()),
                        statement.line()));
        return new SqlStatement(statement.sql(), statement.line(), data);
    }

    @Override
    boolean opensBlock(Word word) {
        return BLOCKS.contains(word.text()) && createsRoutine(word);
    }

    /** CREATE [OR REPLACE] {FUNCTION | PROCEDURE} */
    private static boolean createsRoutine(Word word) {
        int kind = word.at(1).equals("OR") ? 3 : 1;
        return word.at(0).equals("CREATE") && ROUTINES.contains(word.at(kind));
    }
}
