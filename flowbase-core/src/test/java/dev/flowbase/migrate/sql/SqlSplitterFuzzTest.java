package dev.flowbase.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowbase.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The migration file splitters under a fuzzer. The first byte of an input picks the engine, the
 * rest is the script. Whatever the script, a splitter either refuses it with a {@link
 * SqlSyntaxException} or gives statements that (1) stand in the script in order, each on the line
 * it names, (2) lose no text: what lies between them is only whitespace, comments and delimiters,
 * and (3) split again, each followed by its delimiter, into themselves: joined back with their
 * delimiters they make the same statements.
 */
class SqlSplitterFuzzTest {
    private static final Engine[] ENGINES = Engine.values();

    @FuzzTest(maxDuration = "10m")
    void statementsStandInTheScriptInOrderAndLoseNoText(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Engine engine = ENGINES[Byte.toUnsignedInt(input[0]) % ENGINES.length];
        String script = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        SqlSplitter splitter = SqlSplitter.forEngine(engine);
        List<SqlStatement> statements;
        try {
            statements = splitter.split(script);
        } catch (SqlSyntaxException refused) {
            assertThat(refused.line()).isPositive();
            return;
        }
        String text = script.startsWith("\uFEFF") ? script.substring(1) : script;
        // What a client command (DELIMITER) or COPY's inline rows leave between statements is not SQL.
        boolean clientData = text.toUpperCase(Locale.ROOT).contains("DELIMITER")
                || statements.stream().anyMatch(s -> s.copyData() != null);
        int cursor = 0;
        for (SqlStatement s : statements) {
            assertThat(s.sql())
                    .as("a statement of %s", engine)
                    .isNotBlank()
                    .isEqualTo(s.sql().strip());
            int at = text.indexOf(s.sql(), Math.max(cursor, lineStart(text, s.line())));
            if (!clientData) {
                // The same text may also stand inside a comment before the statement (crash-69acb42a…,
                // crash-d7bf0abe…, crash-242945bb…). Any place after the real one has the real statement in its gap, so
                // the statement is at the last place on its line with nothing but noise before it.
                int found = -1;
                for (int p = at; p >= 0 && lineOf(text, p) == s.line(); p = text.indexOf(s.sql(), p + 1)) {
                    found = onlyNoise(splitter, text, cursor, p) ? p : found;
                }
                at = found;
            }
            assertThat(at)
                    .as("%s in order on line %d of:%n%s", s.sql(), s.line(), text)
                    .isGreaterThanOrEqualTo(0);
            assertThat(lineOf(text, at))
                    .as("the line of %s, with nothing lost before it, in:%n%s", s.sql(), text)
                    .isEqualTo(s.line());
            if (!clientData) {
                // Split again with its delimiter, as in the script: MariaDB's "--" is a comment at the
                // end of a text but two minus signs before a ';' (crash-999dd0b9…).
                assertThat(splitter.split(s.sql() + ";"))
                        .as("%s split again", s.sql())
                        .extracting(SqlStatement::sql)
                        .containsExactly(s.sql());
            }
            cursor = at + s.sql().length();
        }
        if (!clientData) {
            assertThat(splitter.split(text.substring(cursor)))
                    .as("text lost at the end of:%n%s", text)
                    .isEmpty();
        }
    }

    /**
     * Whether {@code text} from {@code start} to {@code end} holds no statement and splits cleanly,
     * with a delimiter after it: MariaDB's "--" right at a cut would be a comment (crash-242945bb…).
     */
    private static boolean onlyNoise(SqlSplitter splitter, String text, int start, int end) {
        try {
            return splitter.split(text.substring(start, end) + ";").isEmpty();
        } catch (SqlSyntaxException cutInsideAComment) {
            return false;
        }
    }

    private static int lineStart(String text, int line) {
        int at = 0;
        for (int n = 1; n < line && at >= 0; n++) {
            at = text.indexOf('\n', at) + 1;
            at = at == 0 ? text.length() : at;
        }
        return at;
    }

    private static int lineOf(String text, int at) {
        return 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
    }
}
