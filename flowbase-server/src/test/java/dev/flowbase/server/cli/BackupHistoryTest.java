package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of backups over time: {@code backup history} lists the command line's backup
 * from the audit log with who ran it and its size, and the schedule's next run; {@code backup list}
 * looks in {@code backup.directory} and shows an archive still being written.
 */
class BackupHistoryTest {
    @TempDir
    Path dir;

    @EngineTest
    void theAuditLogShowsWhoBackedUpWhatAndTheListShowsArchivesBeingWritten(TestDatabase db) throws Exception {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();
        Path archive = dir.resolve("by-hand.fbk");
        Files.writeString(dir.resolve("scheduled-x-20261207-020000.fbk.partial"), "FLOWBASE-BACKUP\n");
        Map<String, String> env = Map.of(
                "FLOWBASE_BACKUP_SCHEDULE", "6h",
                "FLOWBASE_BACKUP_DIRECTORY", dir.toString(),
                "FLOWBASE_BACKUP_RETENTION", "last=3, daily=14");

        CliRun create = CliRun.of("backup", "create", "--out", archive.toString(), "--url", db.url());
        CliRun history = CliRun.of(env, "backup", "history", "--json", "--url", db.url());
        CliRun text = CliRun.of(env, "backup", "history", "--url", db.url());
        CliRun list = CliRun.of(env, "backup", "list", "--json");
        CliRun badSchedule =
                CliRun.of(Map.of("FLOWBASE_BACKUP_SCHEDULE", "hourly"), "backup", "history", "--url", db.url());

        assertThat(create.status()).as(create.all()).isZero();
        assertThat(history.status()).as(history.all()).isZero();
        JsonNode doc = Json.read(history.out());
        JsonNode run = doc.get("runs").get(0);
        assertThat(run.get("kind").asText()).isEqualTo("create");
        assertThat(run.get("trigger").asText()).isEqualTo("cli");
        assertThat(run.get("actor").asText()).startsWith("cli:");
        assertThat(run.get("outcome").asText()).isEqualTo("succeeded");
        assertThat(run.get("bytes").asLong()).isEqualTo(Files.size(archive));
        assertThat(run.get("rows").asLong()).isPositive();
        assertThat(doc.get("schedule").get("everySeconds").asLong()).isEqualTo(6 * 3600);
        assertThat(doc.get("schedule").get("retention").get("daily").asInt()).isEqualTo(14);
        assertThat(doc.get("schedule").get("nextAt").isTextual()).isTrue();
        assertThat(text.out())
                .contains("Scheduled every 6h")
                .contains("by-hand.fbk")
                .contains("succeeded");

        assertThat(list.status()).as(list.all()).isZero();
        JsonNode listed = Json.read(list.out());
        assertThat(listed).hasSize(2);
        assertThat(listed.findValuesAsText("state")).containsExactlyInAnyOrder("complete", "writing");
        assertThat(listed.findValues("scheduled"))
                .extracting(JsonNode::asBoolean)
                .containsExactlyInAnyOrder(true, false);

        assertThat(badSchedule.status()).isNotZero();
        assertThat(badSchedule.err()).contains("backup.schedule = \"hourly\"").contains("30m, 6h or 1d");
    }
}
