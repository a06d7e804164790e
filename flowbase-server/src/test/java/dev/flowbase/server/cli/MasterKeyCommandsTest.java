package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.security.MasterKey;
import dev.flowbase.security.SecretBox;
import dev.flowbase.store.Configuration;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** {@code config generate-key} and {@code config rotate-key}, as an operator types them. */
class MasterKeyCommandsTest {
    @TempDir
    Path dir;

    @EngineTest
    void rotatingTheKeyMovesEverySecretToTheNewKeyAndAWrongCurrentKeyChangesNothing(TestDatabase db) throws Exception {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();
        Path oldKey = dir.resolve("old.key");
        Path newKey = dir.resolve("new.key");
        CliRun made = CliRun.of("config", "generate-key", "--out", oldKey.toString());
        CliRun madeJson = CliRun.of("config", "generate-key", "--out", newKey.toString(), "--json");
        assertThat(made.status()).as(made.err()).isZero();
        assertThat(madeJson.out()).contains("\"keyFingerprint\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(oldKey)))
                .isEqualTo("rw-------");
        try (Database database = db.open()) {
            Stores.create(database)
                    .withSecretBox(new SecretBox(MasterKey.read(oldKey)))
                    .configurations()
                    .put(null, "llm.api_key", "sk-live-42", Configuration.Type.STRING, true, null);
        }

        CliRun wrong = CliRun.of(
                Map.of("FLOWBASE_MASTER_KEY_FILE", newKey.toString()),
                "config",
                "rotate-key",
                "--new-key-file",
                oldKey.toString(),
                "--url",
                db.url());
        CliRun rotated = CliRun.of(
                Map.of("FLOWBASE_MASTER_KEY_FILE", oldKey.toString()),
                "config",
                "rotate-key",
                "--new-key-file",
                newKey.toString(),
                "--url",
                db.url(),
                "--json");

        assertThat(wrong.status()).isEqualTo(ErrorCode.INVALID_CONFIGURATION.exitCode());
        assertThat(wrong.err())
                .contains("was encrypted under master key "
                        + MasterKey.read(oldKey).fingerprint());
        assertThat(rotated.status()).as(rotated.err()).isZero();
        assertThat(rotated.out()).contains("\"reencrypted\" : 1").doesNotContain("sk-live-42");
        try (Database database = db.open()) {
            assertThat(Stores.create(database)
                            .withSecretBox(new SecretBox(MasterKey.read(newKey)))
                            .configurations()
                            .reveal(null, "llm.api_key"))
                    .contains("sk-live-42");
        }
    }

    @EngineTest
    void aKeyFileOthersCanReadIsRefused(TestDatabase db) throws Exception {
        Path open = dir.resolve("open.key");
        Files.writeString(open, MasterKey.generate().toBase64());
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));

        CliRun run = CliRun.of("config", "rotate-key", "--new-key-file", open.toString(), "--url", db.url());

        assertThat(run.status()).isEqualTo(ErrorCode.INVALID_CONFIGURATION.exitCode());
        assertThat(run.err()).contains("chmod 600");
    }
}
