package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names and values from outside reach the terminal with their control characters escaped. */
class EchoEscapingTest {
    private static final String HOSTILE = "x\u001b[31m\nforged line";
    private static final String ESCAPED = "x\\u001b[31m\\nforged line";

    @TempDir
    Path dir;

    @Test
    void configShowEscapesValues() {
        CliRun run = CliRun.of(Map.of("DB_NAME", HOSTILE), "config", "show", "--url", "postgresql://u@h/db");

        assertThat(run.status()).as(run.all()).isZero();
        assertThat(run.out()).contains(ESCAPED).doesNotContain("\u001b").doesNotContain("\nforged");
    }

    @Test
    void aBadValueIsEscapedInTheConfigurationError() {
        CliRun run = CliRun.of(Map.of("DB_PORT", HOSTILE), "config", "show");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("DB_PORT=" + ESCAPED).doesNotContain("\u001b");
        assertThat(run.err().lines()).allMatch(l -> l.startsWith("flowbase: "));
    }

    @Test
    void aBadArgumentIsEscapedInTheUsageError() {
        CliRun run = CliRun.of("migrate", "status", "--lock-timeout", HOSTILE);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(ESCAPED).doesNotContain("\u001b").doesNotContain("\nforged");
    }

    @Test
    void anUnknownCommandNameIsEscapedInHelp() {
        CliRun run = CliRun.of("help", HOSTILE);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command '" + ESCAPED + "'").doesNotContain("\u001b");
    }

    @Test
    void aMisnamedFileIsEscapedInTheMigrationError() throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "SELECT 1;\n");
        Files.writeString(dir.resolve("V2" + HOSTILE + ".sql"), "SELECT 1;\n");

        CliRun run = CliRun.of(
                "migrate",
                "status",
                "--url",
                "sqlite:" + dir.resolve("x.db"),
                "--location",
                dir.toString(),
                "--table",
                "app_history");

        assertThat(run.err()).contains("V2" + ESCAPED + ".sql").doesNotContain("\u001b");
    }
}
