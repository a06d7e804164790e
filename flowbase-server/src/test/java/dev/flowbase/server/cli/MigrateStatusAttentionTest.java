package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate status} exits non-zero when a row needs someone: failed, changed, missing or renamed. */
class MigrateStatusAttentionTest {
    @TempDir
    Path dir;

    private static CliRun migrate(TestDatabase db, Path location, String... args) {
        List<String> all = new ArrayList<>(List.of("migrate"));
        all.addAll(List.of(args));
        all.addAll(List.of("--url", db.url(), "--location", location.toString(), "--table", "app_history"));
        return CliRun.of(all.toArray(String[]::new));
    }

    @EngineTest
    void pendingAndAppliedRowsExitZero(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id INTEGER);\n");
        assertThat(migrate(db, dir, "status").status()).isZero();

        migrate(db, dir, "up");

        CliRun status = migrate(db, dir, "status");
        assertThat(status.status()).as(status.all()).isZero();
    }

    @EngineTest
    void aFailedRowExitsWithValidationFailedInTextAndJson(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__bad.sql"), "CREATE TABLE ok (id INTEGER);\nSELEC 1;\n");
        migrate(db, dir, "up");

        CliRun text = migrate(db, dir, "status");
        CliRun json = migrate(db, dir, "status", "--json");

        assertThat(text.status()).isEqualTo(ErrorCode.VALIDATION_FAILED.exitCode());
        assertThat(text.out()).contains("failed");
        assertThat(text.err()).contains("need attention");
        assertThat(json.status()).isEqualTo(ErrorCode.VALIDATION_FAILED.exitCode());
        assertThat(json.out()).contains("\"needsAttention\" : true");
    }

    @EngineTest
    void aChangedAppliedFileExitsWithValidationFailed(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id INTEGER);\n");
        migrate(db, dir, "up");
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id BIGINT);\n");

        CliRun status = migrate(db, dir, "status");

        assertThat(status.status()).isEqualTo(ErrorCode.VALIDATION_FAILED.exitCode());
        assertThat(status.out()).contains("CHANGED");
    }
}
