package dev.flowbase.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.engine.Engine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden corpus: every {@code splitter/<engine>/NAME.sql} must split into the statements that
 * {@code NAME.expected} lists. There each statement follows a line {@code -- ---- line N} giving the
 * line it starts on, and runs up to the next such line; the file's own line ends (CRLF or LF) are
 * part of the statements, and an empty file expects no statement at all.
 */
class SqlSplitterCorpusTest {
    private static final Pattern HEADER = Pattern.compile("^-- ---- line (\\d+)\\R", Pattern.MULTILINE);
    private static final int MINIMUM_SCRIPTS_PER_ENGINE = 8;

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("scripts")
    void eachScriptSplitsIntoTheStatementsItsExpectedFileLists(Engine engine, Path script) throws IOException {
        List<SqlStatement> expected = parseExpected(Files.readString(expectedFileOf(script)));

        List<SqlStatement> actual = SqlSplitter.forEngine(engine).split(Files.readString(script));

        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyEngineHasAtLeastEightScriptsAndEachHasAnExpectedFile(Engine engine) throws IOException {
        List<Path> scripts = scriptsOf(engine);

        assertThat(scripts).hasSizeGreaterThanOrEqualTo(MINIMUM_SCRIPTS_PER_ENGINE);
        assertThat(scripts)
                .allSatisfy(script -> assertThat(expectedFileOf(script)).isRegularFile());
    }

    static Stream<Arguments> scripts() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            for (Path script : scriptsOf(engine)) {
                all.add(Arguments.of(engine, Named.of(script.getFileName().toString(), script)));
            }
        }
        return all.stream();
    }

    private static List<Path> scriptsOf(Engine engine) throws IOException {
        try (Stream<Path> files = Files.list(corpus().resolve(engine.id()))) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static Path corpus() {
        try {
            return Path.of(SqlSplitterCorpusTest.class.getResource("/splitter").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path expectedFileOf(Path script) {
        return script.resolveSibling(script.getFileName().toString().replaceFirst("\\.sql$", ".expected"));
    }

    /** A statement never ends in whitespace, so the line end before the next header is not its own. */
    private static List<SqlStatement> parseExpected(String text) {
        List<SqlStatement> statements = new ArrayList<>();
        Matcher header = HEADER.matcher(text);
        int line = 0;
        int from = -1;
        while (header.find()) {
            if (from < 0) {
                assertThat(text.substring(0, header.start()))
                        .as("text before the first header")
                        .isEmpty();
            } else {
                statements.add(
                        new SqlStatement(text.substring(from, header.start()).stripTrailing(), line));
            }
            line = Integer.parseInt(header.group(1));
            from = header.end();
        }
        if (from < 0) {
            assertThat(text).as("an expected file without headers").isEmpty();
        } else {
            statements.add(new SqlStatement(text.substring(from).stripTrailing(), line));
        }
        return statements;
    }
}
