package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowbase backup create --all}: the user's tables that map come along; one that does not is named. */
class BackupAllCommandTest {
    @TempDir
    Path dir;

    @EngineTest
    void anOperatorIsToldWhichColumnDoesNotMapAndKeepsTheTablesThatDo(TestDatabase db) {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();
        db.open()
                .execute(
                        "Adding the user's tables",
                        "CREATE TABLE prices (id INTEGER PRIMARY KEY, amount NUMERIC(10, 2))",
                        "CREATE TABLE tags (id INTEGER PRIMARY KEY, label VARCHAR(50) NOT NULL)",
                        "INSERT INTO tags (id, label) VALUES (1, 'urgent'), (2, 'later')");
        String archive = dir.resolve("all.fbk").toString();

        CliRun refused = CliRun.of("backup", "create", "--all", "--out", archive, "--url", db.url());
        CliRun chosen = CliRun.of(
                "backup", "create", "--all", "--tables", "tags,tasks", "--out", archive, "--json", "--url", db.url());
        CliRun restore =
                CliRun.of("backup", "restore", archive, "--url", "sqlite:" + dir.resolve("moved.db"), "--json");

        assertThat(refused.status()).isEqualTo(ErrorCode.INVALID_ARGUMENT.exitCode());
        assertThat(refused.err()).contains("prices.amount").contains("--tables").contains("--native");
        assertThat(chosen.status()).as(chosen.all()).isZero();
        List<String> tables = StreamSupport.stream(
                        Json.read(chosen.out()).get("tables").spliterator(), false)
                .map(t -> t.get("name").asText())
                .toList();
        assertThat(tables).contains("tags", "tasks").doesNotContain("prices");
        assertThat(restore.status()).as(restore.all()).isZero();
        JsonNode restored = Json.read(restore.out());
        assertThat(restored.get("tables").get("tags").asLong()).isEqualTo(2);
    }
}
