package dev.flowbase.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.JavaProcess;
import dev.flowbase.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore killed with SIGKILL, in the middle of loading or after the load while it checks, leaves
 * the target without a Flowbase row (never part of the archive), and the same restore run again
 * completes.
 */
class BackupKillTest {
    @TempDir
    Path dir;

    @EngineTest
    void aRestoreKilledWhileLoadingOrCheckingLeavesNoRowsAndRunsAgain(TestDatabase target) throws Exception {
        Path archive = archiveOfSeveralChunks();
        for (String phase : List.of("restore", "check")) {
            Process p = JavaProcess.of(RestoreProcess.class, archive.toString(), target.url(), phase)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertThat(line).as("the restore reached its %s phase", phase).startsWith(RestoreProcess.REACHED);
                p.destroyForcibly(); // SIGKILL
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            Database db = target.open();
            assertThat(tablesWithRows(db))
                    .as("tables with rows after a kill in %s", phase)
                    .isEmpty();
        }
        RestoreReport again =
                Backups.restore(archive, target.open(), new RestoreOptions(null, false, null), BackupProgress.NONE);
        assertThat(again.rows().get("tasks")).isGreaterThan(3_000);
    }

    /** An archive of a SQLite database whose tasks fill more than one 1 MiB chunk. */
    private Path archiveOfSeveralChunks() {
        try (TestDatabase source = TestDatabase.create(Engine.SQLITE)) {
            Database db = source.open();
            BackupFixtures.fill(db);
            UUID org = Stores.create(db).organizations().create("Many", "many").id();
            List<NewTask> tasks = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) {
                tasks.add(
                        NewTask.named(org, "task " + i + " " + "x".repeat(200)).inQueue("many"));
            }
            Queue.create(db).enqueueAll(tasks);
            Path file = dir.resolve("many.fbk");
            Manifest m = BackupFixtures.backup(db, file, BackupOptions.DEFAULT);
            assertThat(m.tables().stream()
                            .filter(t -> t.name().equals("tasks"))
                            .findFirst()
                            .orElseThrow()
                            .chunks())
                    .hasSizeGreaterThan(1);
            return file;
        }
    }

    private static List<String> tablesWithRows(Database db) {
        List<String> found = new ArrayList<>();
        for (String table : List.of("organizations", "tasks", "task_queue", "workflows", "logs")) {
            boolean any = db.withHandle(
                            "Looking for rows",
                            h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                                    .mapTo(Long.class)
                                    .one())
                    > 0;
            if (any) {
                found.add(table);
            }
        }
        return found;
    }
}
