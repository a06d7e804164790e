package dev.flowbase.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.db.DatabaseException;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken while four writers enqueue tasks is one instant of the database: restored, every
 * task has its queue entry and its organization (foreign keys hold), and tasks and queue entries
 * were counted at the same moment (each enqueue writes both in one transaction).
 */
class BackupConsistencyTest {
    @TempDir
    Path dir;

    @EngineTest
    void aBackupTakenWhileFourWritersEnqueueIsOneInstant(TestDatabase source) throws Exception {
        Database db = source.open();
        BackupFixtures.fill(db);
        UUID org =
                Stores.create(db).organizations().create("Writers", "writers").id();
        Queue queue = Queue.create(db);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch writing = new CountDownLatch(4);
        Manifest manifest;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String name = "w" + w;
                writers.add(pool.submit(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        try {
                            queue.enqueue(NewTask.named(org, name + "-" + n++).inQueue("busy"));
                        } catch (DatabaseException e) {
                            // MariaDB may give up on writers that deadlock with each other past the retries;
                            // such an enqueue wrote nothing, which is all this test needs of it.
                        }
                        if (n == 5) {
                            writing.countDown();
                        }
                    }
                    return n;
                }));
            }
            writing.await(60, TimeUnit.SECONDS);
            manifest = BackupFixtures.backup(db, dir.resolve("busy.fbk"), BackupOptions.DEFAULT);
            stop.set(true);
            for (Future<Integer> w : writers) {
                w.get(60, TimeUnit.SECONDS);
            }
        }

        long tasks = rows(manifest, "tasks");
        long queued = rows(manifest, "task_queue");
        // fill() leaves one task done and one waiting; every writer's task waits in the queue.
        assertThat(tasks - 2).isGreaterThanOrEqualTo(20).isEqualTo(queued - 1);
        try (TestDatabase target = TestDatabase.create(source.engine())) {
            RestoreReport report = Backups.restore(
                    dir.resolve("busy.fbk"), target.open(), new RestoreOptions(null, false, null), BackupProgress.NONE);
            assertThat(report.rows()).containsEntry("tasks", tasks).containsEntry("task_queue", queued);
        }
    }

    private static long rows(Manifest manifest, String table) {
        return manifest.tables().stream()
                .filter(t -> t.name().equals(table))
                .findFirst()
                .orElseThrow()
                .rows();
    }
}
