package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.util.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowbase backup create --native}, {@code verify} and {@code restore} of a native dump, as an operator types them. */
class BackupNativeCommandTest {
    @TempDir
    Path dir;

    @EngineTest
    void anOperatorTakesANativeDumpVerifiesItAndRestoresItIntoTheSameEngineOnly(TestDatabase db) {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();
        String dump = dir.resolve("nightly.dump").toString();

        CliRun create = CliRun.of("backup", "create", "--native", "--out", dump, "--json", "--url", db.url());
        CliRun verify = CliRun.of("backup", "verify", dump, "--json");
        CliRun verifyText = CliRun.of("backup", "verify", dump + ".manifest.json");
        CliRun mixed = CliRun.of("backup", "create", "--native", "--encrypt", "--out", dump + "2", "--url", db.url());
        CliRun elsewhere = CliRun.of(
                "backup",
                "restore",
                dump,
                "--url",
                db.engine().id().equals("sqlite")
                        ? "postgresql://root@127.0.0.1:5432/postgres"
                        : "sqlite:" + dir.resolve("other.db"));

        assertThat(create.status()).as(create.all()).isZero();
        JsonNode created = Json.read(create.out());
        assertThat(created.get("native").asBoolean()).isTrue();
        assertThat(created.get("manifest").asText()).isEqualTo(dump + ".manifest.json");
        assertThat(created.get("source").get("engine").asText())
                .isEqualTo(db.engine().id());
        assertThat(verify.status()).as(verify.all()).isZero();
        assertThat(Json.read(verify.out()).get("sha256").asText())
                .isEqualTo(created.get("sha256").asText());
        assertThat(verifyText.out()).contains("is valid").contains("matches its manifest");
        assertThat(mixed.status()).isEqualTo(ErrorCode.INVALID_ARGUMENT.exitCode());
        assertThat(mixed.err()).contains("--native cannot be combined with --encrypt");
        assertThat(elsewhere.status()).isEqualTo(ErrorCode.REFUSED.exitCode());
        assertThat(elsewhere.err())
                .contains("restores only into " + db.engine().id())
                .contains("portable backup");

        try (TestDatabase target = TestDatabase.create(db.engine())) {
            CliRun restore = CliRun.of("backup", "restore", dump, "--url", target.url(), "--json");
            CliRun again = CliRun.of("backup", "restore", dump, "--url", target.url());

            assertThat(restore.status()).as(restore.all()).isZero();
            assertThat(Json.read(restore.out()).get("rows").asLong())
                    .isEqualTo(created.get("rows").asLong());
            assertThat(again.status()).isEqualTo(ErrorCode.REFUSED.exitCode());
            assertThat(again.err()).contains("is not empty");
        }
    }
}
