package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.util.Json;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The worker runtime: handlers by type, wake-ups, and giving tasks back when it stops. */
class WorkerTest {
    private Stores stores;
    private Queue queue;
    private UUID org;

    private void setUp(Database db) {
        Migrator.configure().database(db).load().migrate();
        stores = Stores.create(db);
        queue = Queue.create(db);
        org = stores.organizations().create("Acme", "acme").id();
    }

    private NewTask task(String type) {
        return NewTask.named(org, type + " task").inQueue("jobs").ofType(type);
    }

    @EngineTest
    void prefetchClaimsAheadOfTheFreeSlotsAndCloseGivesBackWhatNeverStarted(Database db) throws Exception {
        setUp(db);
        for (int i = 0; i < 4; i++) {
            queue.enqueue(task("slow"));
        }
        var started = new CountDownLatch(1);
        var never = new CountDownLatch(1);

        Worker worker = Worker.on(queue)
                .name("prefetcher")
                .queue("jobs", 1)
                .prefetch(3)
                .shutdownDeadline(Duration.ofMillis(200))
                .handler("slow", t -> {
                    started.countDown();
                    never.await(); // until close() interrupts it
                    return TaskOutcome.NONE;
                })
                .start();
        List<QueueDepth> whileRunning;
        try {
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            whileRunning = queue.depth();
        } finally {
            worker.close();
        }

        assertThat(whileRunning).containsExactly(new QueueDepth("jobs", 0, 0, 4, 0));
        assertThat(queue.depth()).containsExactly(new QueueDepth("jobs", 4, 0, 0, 0));
    }

    @EngineTest
    void eachTaskGoesToTheHandlerOfItsTypeAndIsCompletedWithItsResult(Database db) throws Exception {
        setUp(db);
        var handled = new CountDownLatch(30);
        for (int i = 0; i < 30; i++) {
            queue.enqueue(task("echo").withParameters(Json.read("{\"n\": " + i + "}")));
        }

        Worker worker = Worker.on(queue)
                .name("w1")
                .queue("jobs", 3)
                .handler("echo", t -> {
                    handled.countDown();
                    return TaskOutcome.result(t.parameters());
                })
                .start();
        try {
            assertThat(handled.await(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            worker.close();
        }

        assertThat(queue.stats()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(TaskStatus.SUCCEEDED);
            assertThat(c.count()).isEqualTo(30);
        });
    }

    @EngineTest
    void aTaskOfATypeWithoutHandlerFailsSayingWhichTypesTheWorkerHandles(Database db) throws Exception {
        setUp(db);
        Task unknown = queue.enqueue(task("nope").withMaxRetries(0).withPriority(10));
        queue.enqueue(task("echo"));
        var echoed = new CountDownLatch(1);

        // One slot: the high-priority task of unknown type is taken, and ended, before the echo.
        Worker worker = Worker.on(queue)
                .name("w1")
                .queue("jobs", 1)
                .handler("echo", t -> {
                    echoed.countDown();
                    return TaskOutcome.NONE;
                })
                .start();
        try {
            assertThat(echoed.await(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            worker.close();
        }

        Task dead = stores.tasks().get(unknown.id());
        assertThat(dead.status()).isEqualTo(TaskStatus.DEAD);
        assertThat(dead.errorMessage()).isEqualTo("no handler for task type 'nope' on worker w1 (it handles echo)");
    }

    @EngineTest
    void aTaskEnqueuedInTheSameProcessWakesAnIdleWorkerAtOnce(Database db) throws Exception {
        setUp(db);
        var handled = new CountDownLatch(1);
        // Polling alone would not find the task for an hour: only the wake-up can.
        Worker worker = Worker.on(queue)
                .name("w1")
                .queue("jobs", 1)
                .idle(Duration.ofHours(1), Duration.ofHours(1))
                .handler("echo", t -> {
                    handled.countDown();
                    return TaskOutcome.NONE;
                })
                .start();
        try {
            Queue.create(db).enqueue(task("echo"));

            assertThat(handled.await(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            worker.close();
        }
    }

    @EngineTest
    void stoppingPastTheDeadlineGivesTheUnfinishedTaskBackWithoutCountingAFailure(Database db) throws Exception {
        setUp(db);
        Task slow = queue.enqueue(task("slow"));
        var started = new CountDownLatch(1);
        var never = new CountDownLatch(1);

        Worker worker = Worker.on(queue)
                .name("w1")
                .queue("jobs", 1)
                .shutdownDeadline(Duration.ZERO)
                .handler("slow", t -> {
                    started.countDown();
                    never.await();
                    return TaskOutcome.NONE;
                })
                .start();
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        worker.close();

        Task back = stores.tasks().get(slow.id());
        assertThat(back.status()).isEqualTo(TaskStatus.READY);
        assertThat(back.retryCount()).isZero();
        assertThat(back.leaseOwner()).isNull();
        assertThat(stores.executions().attempts(slow.id()))
                .extracting(a -> a.status().name())
                .containsExactly("CANCELLED");
    }

    @EngineTest
    void onPostgresqlATaskEnqueuedByAnotherProcessWakesAnIdleWorkerWithoutWaitingForThePoll(TestDatabase target)
            throws Exception {
        assumeTrue(
                target.engine() == Engine.POSTGRESQL,
                "only PostgreSQL can tell other processes (NOTIFY); the others poll");
        try (Database workerSide = target.open();
                Database producerSide = target.open()) {
            setUp(workerSide);
            var handled = new CountDownLatch(1);
            Worker worker = Worker.on(queue)
                    .name("w1")
                    .queue("jobs", 1)
                    .idle(Duration.ofHours(1), Duration.ofHours(1))
                    .handler("echo", t -> {
                        handled.countDown();
                        return TaskOutcome.NONE;
                    })
                    .start();
            try {
                // Another pool, as another process would have: only the database can tell the worker.
                Queue.create(producerSide).enqueue(task("echo"));

                assertThat(handled.await(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                worker.close();
            }
        }
    }
}
