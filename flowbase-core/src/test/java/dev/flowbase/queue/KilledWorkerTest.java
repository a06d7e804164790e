package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.JavaProcess;
import dev.flowbase.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A worker JVM killed with SIGKILL mid-task: its tasks come back once their lease is out, and finish once. */
class KilledWorkerTest {

    @EngineTest
    void theTasksOfAKilledWorkerAreReclaimedAndFinishOnceAndItsAttemptCannotComplete(TestDatabase target)
            throws Exception {
        try (Database db = target.open()) {
            Migrator.configure().database(db).load().migrate();
            Stores stores = Stores.create(db);
            Queue queue = Queue.create(db);
            UUID org = stores.organizations().create("Acme", "acme").id();
            List<Task> tasks = List.of(
                    queue.enqueue(NewTask.named(org, "one").inQueue("jobs").ofType("slow")),
                    queue.enqueue(NewTask.named(org, "two").inQueue("jobs").ofType("slow")));

            Process doomed = JavaProcess.of(WorkerProcess.class, target.url())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Set<String> started = new HashSet<>();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(doomed.getInputStream(), StandardCharsets.UTF_8))) {
                // Read no further than the second start: the child says nothing more until it is killed.
                while (started.size() < 2) {
                    String line = out.readLine();
                    if (line == null) {
                        break;
                    }
                    if (line.startsWith(WorkerProcess.STARTED)) {
                        started.add(line.substring(WorkerProcess.STARTED.length()));
                    }
                }
                doomed.destroyForcibly(); // SIGKILL: no shutdown hook gives anything back
                assertThat(doomed.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            // The ten-minute leases run out: rather than wait, they are moved into the past.
            db.withHandle(
                    "Letting the leases run out",
                    h -> h.createUpdate("UPDATE task_queue SET lease_expires_at = :past WHERE lease_owner IS NOT NULL")
                            .bind("past", Instant.now().minus(Duration.ofHours(1)))
                            .execute());

            int reaped = queue.reap();
            var finished = new CountDownLatch(2);
            Worker survivor = Worker.on(queue)
                    .name("survivor")
                    .queue("jobs", 2)
                    .handler("slow", t -> {
                        finished.countDown();
                        return TaskOutcome.NONE;
                    })
                    .start();
            try {
                assertThat(finished.await(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                survivor.close();
            }
            Lease killedAttempt = new Lease(tasks.get(0), 1, "doomed", Instant.now());
            var late = catchThrowableOfType(
                    StaleLeaseException.class, () -> queue.complete(killedAttempt, TaskOutcome.NONE));

            assertThat(started)
                    .containsExactlyInAnyOrder(
                            tasks.get(0).id().toString(), tasks.get(1).id().toString());
            assertThat(reaped).isEqualTo(2);
            assertThat(late).isNotNull();
            for (Task t : tasks) {
                Task done = stores.tasks().get(t.id());
                assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
                assertThat(done.attempt()).isEqualTo(2);
                assertThat(stores.executions().attempts(t.id()))
                        .extracting(a -> a.worker() + " " + a.status().name())
                        .containsExactly("doomed TIMED_OUT", "survivor SUCCEEDED");
            }
        }
    }
}
