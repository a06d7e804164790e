package dev.flowbase.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Builds random scripts out of statements known in advance, full of quotes, semicolons, question
 * marks, comments and bodies, and checks that splitting gives back exactly those statements. The
 * seed is fixed, so a failure repeats; its message shows the script.
 */
class SqlSplitterPropertyTest {
    private static final long SEED = 0x5EED_5A1DL;
    private static final int SCRIPTS = 200;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void randomScriptsSplitBackIntoTheStatementsTheyWereBuiltFrom(Engine engine) {
        Random random = new Random(SEED + engine.ordinal());
        SqlSplitter splitter = SqlSplitter.forEngine(engine);
        for (int i = 0; i < SCRIPTS; i++) {
            RandomScript script = new RandomScript(random, ScriptPieces.of(engine));

            assertThat(splitter.split(script.text()))
                    .as("script %d of seed %d:%n%s", i, SEED + engine.ordinal(), script.text())
                    .containsExactlyElementsOf(script.statements());
        }
    }

    /** A script written statement by statement, remembering each statement and its first line. */
    private static final class RandomScript {
        private final Random random;
        private final ScriptPieces pieces;
        private final StringBuilder text = new StringBuilder();
        private final List<SqlStatement> statements = new ArrayList<>();

        RandomScript(Random random, ScriptPieces pieces) {
            this.random = random;
            this.pieces = pieces;
            String delimiter = pick(pieces.delimiters());
            if (random.nextInt(4) == 0) {
                text.append('\uFEFF');
            }
            if (!delimiter.equals(";")) {
                text.append("DELIMITER ").append(delimiter).append('\n');
            }
            int count = 1 + random.nextInt(6);
            for (int n = 1; n <= count; n++) {
                add(random.nextInt(5) == 0 ? body() : statement());
                if (n < count) {
                    text.append(delimiter).append(pick(pieces.separators()).replace("%d", delimiter));
                } else {
                    text.append(random.nextBoolean() ? delimiter : "").append(pick(pieces.endings()));
                }
            }
        }

        String text() {
            return text.toString();
        }

        List<SqlStatement> statements() {
            return statements;
        }

        private void add(String statement) {
            int line = 1 + (int) text.chars().filter(c -> c == '\n').count();
            statements.add(new SqlStatement(statement, line));
            text.append(statement);
        }

        /** A verb and some pieces; comments only between pieces, as a statement never ends in one. */
        private String statement() {
            StringBuilder statement = new StringBuilder(pick(ScriptPieces.VERBS));
            int length = 1 + random.nextInt(8);
            for (int n = 0; n < length; n++) {
                statement.append(pick(ScriptPieces.SPACES));
                if (random.nextInt(5) == 0) {
                    statement.append(pick(pieces.comments())).append(pick(ScriptPieces.SPACES));
                }
                statement.append(pick(pieces.words()));
            }
            return statement.toString();
        }

        /** A statement whose body holds statements that end with semicolons of their own. */
        private String body() {
            return pieces.bodyTemplate().formatted(statement(), statement());
        }

        private String pick(List<String> choices) {
            return choices.get(random.nextInt(choices.size()));
        }
    }
}
