package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate clean} and {@code migrate adopt-flyway} as an operator types them. */
class MigrateCleanAndAdoptCommandTest {
    @TempDir
    Path dir;

    @EngineTest
    void cleanNeedsConfirmIsRefusedInProductionAndOtherwiseDropsEverything(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY);\n");
        String[] set = {"--location", dir.toString(), "--table", "app_history", "--url", db.url()};
        assertThat(CliRun.of(concat(new String[] {"migrate", "up"}, set)).status())
                .isZero();

        CliRun unconfirmed = CliRun.of(concat(new String[] {"migrate", "clean"}, set));
        CliRun production =
                CliRun.of(concat(new String[] {"migrate", "clean", "--confirm", "--environment", "prod"}, set));
        CliRun cleaned = CliRun.of(concat(new String[] {"migrate", "clean", "--confirm", "--json"}, set));
        CliRun again = CliRun.of(concat(new String[] {"migrate", "up"}, set));

        assertThat(unconfirmed.status()).isEqualTo(ErrorCode.REFUSED.exitCode());
        assertThat(unconfirmed.err()).contains("--confirm");
        assertThat(production.status()).isEqualTo(ErrorCode.REFUSED.exitCode());
        assertThat(production.err()).contains("refused in production");
        assertThat(cleaned.status()).as(cleaned.err()).isZero();
        assertThat(cleaned.out()).contains("\"table app_history\"", "\"table notes\"");
        assertThat(again.status()).as(again.err()).isZero();
    }

    @EngineTest
    void adoptingWithoutFlywayHistoryNamesTheTableItLookedFor(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY);\n");

        CliRun run = CliRun.of(
                "migrate",
                "adopt-flyway",
                "--flyway-table",
                "legacy_history",
                "--location",
                dir.toString(),
                "--table",
                "app_history",
                "--url",
                db.url());

        assertThat(run.status()).isEqualTo(ErrorCode.NOT_FOUND.exitCode());
        assertThat(run.err()).contains("Cannot read Flyway's history table legacy_history");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
