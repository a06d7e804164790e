package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.backup.BackupKey;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.util.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowbase backup create|verify|list|restore} as an operator types them, from each engine into SQLite. */
class BackupCommandTest {
    @TempDir
    Path dir;

    @EngineTest
    void anOperatorBacksUpVerifiesListsAndRestoresIntoAnotherEngineAndAFullTargetIsRefused(TestDatabase db) {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();
        String archive = dir.resolve("nightly.fbk").toString();
        String target = "sqlite:" + dir.resolve("restored.db");

        CliRun create =
                CliRun.of("backup", "create", "--out", archive, "--compress", "zstd", "--json", "--url", db.url());
        CliRun verify = CliRun.of("backup", "verify", archive, "--json");
        CliRun list = CliRun.of("backup", "list", dir.toString());
        CliRun restore = CliRun.of("backup", "restore", archive, "--url", target, "--json");
        CliRun again = CliRun.of("backup", "restore", archive, "--url", target);
        CliRun guarded =
                CliRun.of("backup", "restore", archive, "--url", target, "--replace", "--environment", "production");
        CliRun replaced = CliRun.of("backup", "restore", archive, "--url", target, "--replace");
        CliRun exists = CliRun.of("backup", "create", "--out", archive, "--url", db.url());
        CliRun folder = CliRun.of("backup", "create", "--out", dir.toString(), "--url", db.url());

        assertThat(create.status()).as(create.all()).isZero();
        JsonNode created = Json.read(create.out());
        assertThat(created.get("source").get("engine").asText())
                .isEqualTo(db.engine().id());
        assertThat(created.get("compression").asText()).isEqualTo("zstd");
        assertThat(verify.status()).as(verify.all()).isZero();
        assertThat(Json.read(verify.out()).get("rows").asLong())
                .isEqualTo(created.get("rows").asLong());
        assertThat(list.out()).contains("nightly.fbk").contains(db.engine().id());
        assertThat(restore.status()).as(restore.all()).isZero();
        assertThat(Json.read(restore.out()).get("rows").asLong())
                .isEqualTo(created.get("rows").asLong());
        assertThat(again.status()).isEqualTo(ErrorCode.REFUSED.exitCode());
        assertThat(again.err()).contains("already holds Flowbase data").contains("--replace");
        assertThat(guarded.status()).isEqualTo(ErrorCode.REFUSED.exitCode());
        assertThat(guarded.err()).contains("refused in production");
        assertThat(replaced.status()).as(replaced.all()).isZero();
        assertThat(replaced.out()).contains("replacing the rows it held");
        assertThat(exists.err()).contains("exists");
        assertThat(folder.err()).contains("is a directory");
        assertThat(exists.status()).isEqualTo(folder.status()).isEqualTo(ErrorCode.INVALID_ARGUMENT.exitCode());
    }

    @EngineTest
    void anEncryptedArchiveNeedsItsKeyAndNamesTheWrongOne(TestDatabase db) {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();
        String archive = dir.resolve("sealed.fbk").toString();
        Map<String, String> env =
                Map.of(BackupKey.DEFAULT_ENV, BackupKey.generate().encoded());

        CliRun create = CliRun.of(env, "backup", "create", "--out", archive, "--encrypt", "--url", db.url());
        CliRun withKey = CliRun.of(env, "backup", "verify", archive);
        CliRun withoutKey = CliRun.of("backup", "verify", archive);
        CliRun wrongKey =
                CliRun.of(Map.of(BackupKey.DEFAULT_ENV, BackupKey.generate().encoded()), "backup", "verify", archive);

        assertThat(create.status()).as(create.all()).isZero();
        assertThat(create.out()).contains("encrypted (key id");
        assertThat(withKey.status()).as(withKey.all()).isZero();
        assertThat(withoutKey.err()).contains("is encrypted").contains(BackupKey.DEFAULT_ENV);
        assertThat(wrongKey.status()).isEqualTo(ErrorCode.ARCHIVE_INVALID.exitCode());
        assertThat(wrongKey.err()).contains("wrong key");
        assertThat(create.all() + withKey.all() + withoutKey.all() + wrongKey.all())
                .doesNotContain(env.get(BackupKey.DEFAULT_ENV));
    }
}
