package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.JavaProcess;
import dev.flowbase.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Scale-out: three processes share one database's queue as three {@code serve} processes do, each
 * working it with four threads and reaping under leadership. The leader is killed with kill -9
 * mid-drain: another process takes the lead, reaps the dead one's leases, and every task is
 * completed exactly once (one succeeded execution each), none lost. The 100,000-task version is
 * {@code bench/run --scale-out} (bench/RESULTS.md).
 */
class ThreeProcessDrainTest {
    private static final int TASKS = 1_200;

    @EngineTest
    void threeProcessesDrainTheQueueExactlyOnceAndTheLeadPassesOnWhenTheLeaderIsKilled(TestDatabase target)
            throws Exception {
        assumeFalse(target.engine().isEmbedded(), "SQLite: one machine's processes on one file, every one leads");
        List<Process> processes = new ArrayList<>();
        try (Database db = target.open()) {
            Migrator.configure().database(db).load().migrate();
            UUID org = Stores.create(db).organizations().create("Acme", "acme").id();
            List<NewTask> tasks = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                tasks.add(NewTask.named(org, "t" + i).inQueue("jobs"));
            }
            Queue.create(db).enqueueAll(tasks);

            BlockingQueue<String> leaders = new LinkedBlockingQueue<>();
            Map<String, Process> byName = new ConcurrentHashMap<>();
            Semaphore completions = new Semaphore(0);
            for (String name : List.of("serve-a", "serve-b", "serve-c")) {
                Process p = JavaProcess.of(WorkerProcess.class, "share", target.url(), name)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                processes.add(p);
                byName.put(name, p);
                Thread.ofPlatform().daemon().start(() -> readLeaders(p, leaders, completions));
            }

            String first = leaders.poll(2, TimeUnit.MINUTES);
            assertThat(first).as("a process leads").isNotNull();
            awaitSucceeded(db, TASKS / 10, completions); // mid-drain, with leases held by every process
            byName.get(first).destroyForcibly().waitFor();

            String next = leaders.poll(1, TimeUnit.MINUTES);
            assertThat(next)
                    .as("another process leads after the leader was killed")
                    .isNotNull()
                    .isNotEqualTo(first);
            awaitSucceeded(db, TASKS, completions);

            assertThat(count(db, "SELECT COUNT(*) FROM task_executions WHERE status = 'succeeded'"))
                    .as("one succeeded execution per task")
                    .isEqualTo(TASKS);
            assertThat(count(
                            db,
                            "SELECT COUNT(*) FROM (SELECT task_id FROM task_executions WHERE status = 'succeeded'"
                                    + " GROUP BY task_id HAVING COUNT(*) > 1) twice"))
                    .isZero();
        } finally {
            processes.forEach(p -> p.destroyForcibly());
        }
    }

    /**
     * Waits until {@code n} tasks succeeded: the table is asked again each time a process says it
     * committed a batch, and the wait fails when none does for two minutes.
     */
    private static void awaitSucceeded(Database db, int n, Semaphore completions) throws InterruptedException {
        while (count(db, "SELECT COUNT(*) FROM tasks WHERE status = 'succeeded'") < n) {
            assertThat(completions.tryAcquire(2, TimeUnit.MINUTES))
                    .as(n + " tasks succeeded, a batch committed within two minutes")
                    .isTrue();
            completions.drainPermits();
        }
    }

    private static void readLeaders(Process p, BlockingQueue<String> leaders, Semaphore completions) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(WorkerProcess.COMPLETED)) {
                    completions.release();
                } else if (line.startsWith(WorkerProcess.LEADS)) {
                    leaders.add(line.substring(WorkerProcess.LEADS.length()));
                }
            }
        } catch (IOException e) {
            // the process was killed
        }
    }

    private static int count(Database db, String sql) {
        return db.withHandle(
                "Counting", h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
