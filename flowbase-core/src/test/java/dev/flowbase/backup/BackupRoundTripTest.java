package dev.flowbase.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.queue.Lease;
import dev.flowbase.queue.Queue;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestEngines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each engine backed up (zstd, encrypted) and restored into each engine: the restored rows hash as the source's did
 * (backed up again, the target's archive carries the source's per-table hashes), and Flowbase serves
 * the restored database (the task waiting before the backup is claimed after the restore).
 */
class BackupRoundTripTest {
    @TempDir
    Path dir;

    @EngineTest
    void aBackupRestoresIntoEveryEngineWithTheSameRowsAndAWaitingTaskStaysClaimable(Database source) {
        UUID waiting = BackupFixtures.fill(source);
        BackupKey key = BackupKey.generate();
        Manifest original =
                BackupFixtures.backup(source, dir.resolve("source.fbk"), new BackupOptions(Compression.ZSTD, key));
        assertThat(original.source().engine()).isEqualTo(source.engine().id());
        assertThat(original.tables())
                .extracting(Manifest.Table::name)
                .containsSubsequence("organizations", "users", "workflows", "tasks", "task_queue");
        assertThat(original.tables())
                .filteredOn(t -> t.name().equals("workflows"))
                .singleElement()
                .satisfies(t -> assertThat(t.rows()).isEqualTo(2));

        for (Engine engine : TestEngines.selected()) {
            try (TestDatabase target = TestDatabase.create(engine)) {
                Database db = target.open();
                RestoreReport report = Backups.restore(
                        dir.resolve("source.fbk"), db, new RestoreOptions(key, false, null), BackupProgress.NONE);

                assertThat(report.rows())
                        .as("rows restored into %s", engine)
                        .containsAllEntriesOf(original.tables().stream()
                                .collect(Collectors.toMap(Manifest.Table::name, Manifest.Table::rows)));
                Manifest again = BackupFixtures.backup(db, dir.resolve(engine + "-again.fbk"), BackupOptions.DEFAULT);
                assertThat(BackupFixtures.hashes(again))
                        .as("per-table hashes after %s -> %s", source.engine(), engine)
                        .isEqualTo(BackupFixtures.hashes(original));
                List<Lease> claimed =
                        Queue.create(db).claim(BackupFixtures.QUEUE, 10, "worker-2", Duration.ofMinutes(1));
                assertThat(claimed).extracting(Lease::taskId).containsExactly(waiting);
            }
        }
    }
}
