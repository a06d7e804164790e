package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.util.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class QueueTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** A lease that has already run out, so the reaper has work without anyone waiting. */
    private static final Duration EXPIRED = Duration.ofSeconds(-5);

    private Stores stores;
    private Queue queue;
    private UUID org;

    private void setUp(Database db) {
        Migrator.configure().database(db).load().migrate();
        stores = Stores.create(db);
        queue = Queue.create(db);
        org = stores.organizations().create("Acme", "acme").id();
    }

    private NewTask task(String name) {
        return NewTask.named(org, name).inQueue("work");
    }

    private int count(Database db, String sql) {
        return db.withHandle(
                "Counting", h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @EngineTest
    void aClaimTakesTheHighestPriorityFirstAndACompletionIsRecordedWithItsAttempt(Database db) {
        setUp(db);
        queue.enqueue(task("low").withPriority(1));
        queue.enqueue(task("high").withPriority(9));
        queue.enqueue(task("middle").withPriority(5));

        List<Lease> first = queue.claim("work", 2, "worker-1", MINUTE);
        Task done = queue.complete(first.get(0), TaskOutcome.result(Json.read("{\"ok\": true}")));
        List<Lease> second = queue.claim("work", 10, "worker-1", MINUTE);

        assertThat(first).extracting(l -> l.task().name()).containsExactly("high", "middle");
        assertThat(first).extracting(Lease::attempt).containsOnly(1);
        assertThat(first.get(1).task().status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(first.get(1).task().leaseOwner()).isEqualTo("worker-1");
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(done.result()).isEqualTo(Json.read("{\"ok\": true}"));
        assertThat(done.leaseOwner()).isNull();
        assertThat(second).extracting(l -> l.task().name()).containsExactly("low");
        assertThat(stores.executions().attempts(done.id())).singleElement().satisfies(a -> {
            assertThat(a.status().name()).isEqualTo("SUCCEEDED");
            assertThat(a.worker()).isEqualTo("worker-1");
        });
    }

    @EngineTest
    void fourWorkersDrainFourHundredTasksEachCompletedExactlyOnce(Database db) throws Exception {
        setUp(db);
        List<NewTask> tasks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            tasks.add(task("t" + i));
        }
        queue.enqueueAll(tasks);
        Map<UUID, Integer> handled = new ConcurrentHashMap<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String name = "worker-" + w;
                workers.add(pool.submit(() -> {
                    for (List<Lease> batch = queue.claim("work", 10, name, MINUTE);
                            !batch.isEmpty();
                            batch = queue.claim("work", 10, name, MINUTE)) {
                        batch.forEach(lease -> handled.merge(lease.taskId(), 1, Integer::sum));
                        // Half the workers complete a batch at once, half one by one: both are fenced.
                        if (name.endsWith("0") || name.endsWith("2")) {
                            queue.completeAll(batch);
                        } else {
                            batch.forEach(lease -> queue.complete(lease, TaskOutcome.NONE));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(120, TimeUnit.SECONDS);
            }
        }

        assertThat(handled).hasSize(400);
        assertThat(handled.values()).containsOnly(1);
        assertThat(count(db, "SELECT COUNT(*) FROM tasks WHERE status = 'succeeded'"))
                .isEqualTo(400);
        assertThat(count(db, "SELECT COUNT(*) FROM task_executions WHERE status = 'succeeded'"))
                .isEqualTo(400);
    }

    @EngineTest
    void workersOfOneOrganizationDrainItsTasksOnceAndLeaveAnothersInTheSameQueue(Database db) throws Exception {
        setUp(db);
        UUID other = stores.organizations().create("Other", "other").id();
        List<NewTask> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // Interleaved in the claim's order, so every claim walks past the other's tasks.
            tasks.add(NewTask.named(i % 2 == 0 ? org : other, "t" + i).inQueue("work"));
        }
        queue.enqueueAll(tasks);
        Map<UUID, Integer> handled = new ConcurrentHashMap<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                ClaimRequest mine = new ClaimRequest("work", org, 7, "worker-" + w, MINUTE);
                workers.add(pool.submit(() -> {
                    for (List<Lease> batch = queue.claim(mine); !batch.isEmpty(); batch = queue.claim(mine)) {
                        batch.forEach(lease -> handled.merge(lease.taskId(), 1, Integer::sum));
                        queue.completeAll(batch);
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(120, TimeUnit.SECONDS);
            }
        }

        assertThat(handled).hasSize(100);
        assertThat(handled.values()).containsOnly(1);
        assertThat(handled.keySet())
                .allSatisfy(id ->
                        assertThat(stores.tasks().get(id).organizationId()).isEqualTo(org));
        assertThat(queue.claim("work", 200, "anyone", MINUTE))
                .hasSize(100)
                .allSatisfy(lease -> assertThat(lease.task().organizationId()).isEqualTo(other));
    }

    @EngineTest
    void aBatchCompletionLeavesOutTheLeasesThatWereTakenOver(Database db) {
        setUp(db);
        queue.enqueue(task("kept"));
        queue.enqueue(task("lost"));
        List<Lease> batch = queue.claim("work", 2, "worker-1", EXPIRED);
        queue.reap();
        Lease retaken = queue.claim("work", 1, "worker-2", MINUTE).get(0);
        List<Lease> stillMine =
                batch.stream().filter(l -> !l.taskId().equals(retaken.taskId())).toList();
        Lease relaunched = queue.claim("work", 1, "worker-1", MINUTE).get(0);

        int done = queue.completeAll(List.of(batch.get(0), batch.get(1), relaunched));

        assertThat(stillMine).hasSize(1);
        assertThat(done).as("only the lease that still holds its task").isEqualTo(1);
        assertThat(stores.tasks().get(retaken.taskId()).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(stores.tasks().get(relaunched.taskId()).status()).isEqualTo(TaskStatus.SUCCEEDED);
    }

    @EngineTest
    void completingABatchAndClaimingTheNextIsOneStepThatLeavesOutTakenOverLeases(Database db) {
        setUp(db);
        for (int i = 0; i < 5; i++) {
            queue.enqueue(task("t" + i).withPriority(10 - i));
        }
        List<Lease> first = queue.claim("work", 2, "worker-1", EXPIRED);
        queue.reap();
        Lease takenOver = queue.claim("work", 1, "worker-2", MINUTE).get(0);
        Lease relaunched = queue.claim("work", 1, "worker-1", MINUTE).get(0);
        List<Lease> batch = new ArrayList<>(first);
        batch.add(relaunched);

        List<Lease> next = queue.completeAndClaim(batch, "work", 10, "worker-1", MINUTE);

        assertThat(stores.tasks().get(relaunched.taskId()).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(stores.tasks().get(takenOver.taskId()).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(next).extracting(l -> l.task().name()).containsExactly("t2", "t3", "t4");
        assertThat(queue.completeAndClaim(next, "work", 10, "worker-1", MINUTE)).isEmpty();
        assertThat(count(db, "SELECT COUNT(*) FROM tasks WHERE status = 'succeeded'"))
                .isEqualTo(4);
    }

    @EngineTest
    void anExpiredLeaseIsReapedTheTaskRunsAgainAndTheLateAnswerIsRefused(Database db) {
        setUp(db);
        queue.enqueue(task("slow"));
        Lease lost = queue.claim("work", 1, "worker-1", EXPIRED).get(0);

        int reaped = queue.reap();
        Lease second = queue.claim("work", 1, "worker-2", MINUTE).get(0);
        var late = catchThrowableOfType(StaleLeaseException.class, () -> queue.complete(lost, TaskOutcome.NONE));
        var lateBeat = catchThrowableOfType(StaleLeaseException.class, () -> queue.heartbeat(lost, MINUTE));
        queue.heartbeat(second, MINUTE);
        Task done = queue.complete(second, TaskOutcome.NONE);

        assertThat(reaped).isEqualTo(1);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(late.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(late.getMessage())
                .isEqualTo("task " + lost.taskId() + " attempt 1 of worker-1 no longer holds the task (it is running"
                        + " at attempt 2): the report is not recorded");
        assertThat(lateBeat).isNotNull();
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(stores.executions().attempts(done.id()))
                .extracting(a -> a.status().name())
                .containsExactly("TIMED_OUT", "SUCCEEDED");
    }

    @EngineTest
    void aFailureWaitsItsBackoffRetriesUpToMaxRetriesThenGoesToTheDeadLetters(Database db) {
        setUp(db);
        Queue noWait = queue.withBackoff(new Backoff(Duration.ZERO, Duration.ZERO));
        queue.enqueue(task("flaky").withMaxRetries(1));
        queue.enqueue(NewTask.named(org, "patient").inQueue("later"));

        Task retried = noWait.fail(noWait.claim("work", 1, "w", MINUTE).get(0), "model timed out");
        Task dead = noWait.fail(noWait.claim("work", 1, "w", MINUTE).get(0), "model timed out again");
        Task waiting = queue.fail(queue.claim("later", 1, "w", MINUTE).get(0), "rate limited");

        assertThat(retried.status()).isEqualTo(TaskStatus.READY);
        assertThat(retried.retryCount()).isEqualTo(1);
        assertThat(dead.status()).isEqualTo(TaskStatus.DEAD);
        assertThat(dead.deadLetteredAt()).isNotNull();
        assertThat(dead.errorMessage()).isEqualTo("model timed out again");
        assertThat(waiting.status()).isEqualTo(TaskStatus.READY);
        assertThat(queue.claim("later", 1, "w", MINUTE))
                .as("still waiting its backoff")
                .isEmpty();
        assertThat(queue.requeue(dead.id()).status()).isEqualTo(TaskStatus.READY);
        assertThat(noWait.claim("work", 1, "w", MINUTE))
                .extracting(Lease::attempt)
                .containsExactly(3);
    }

    @EngineTest
    void enqueueingTheSameIdempotencyKeyTwiceReturnsTheFirstTask(Database db) {
        setUp(db);

        Task first = queue.enqueue(task("charge card").withIdempotencyKey("order-42"));
        Task again = queue.enqueue(task("charge card again").withIdempotencyKey("order-42"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(count(db, "SELECT COUNT(*) FROM tasks")).isEqualTo(1);
    }

    @EngineTest
    void aTaskEnqueuedInATransactionThatRollsBackIsNeverThere(Database db) {
        setUp(db);

        catchThrowableOfType(
                IllegalStateException.class,
                () -> stores.executeTransaction(s -> {
                    queue.withStores(s).enqueue(task("ghost"));
                    throw new IllegalStateException("the caller changed its mind");
                }));

        assertThat(count(db, "SELECT COUNT(*) FROM tasks")).isZero();
        assertThat(queue.claim("work", 10, "w", MINUTE)).isEmpty();
    }

    @EngineTest
    void aChildIsClaimedOnlyOnceEveryParentSucceeded(Database db) {
        setUp(db);
        Task a = queue.enqueue(task("a"));
        Task b = queue.enqueue(task("b"));
        Task join = queue.enqueue(task("join"), List.of(a.id(), b.id()));

        List<Lease> parents = queue.claim("work", 10, "w", MINUTE);
        queue.complete(parents.get(0), TaskOutcome.NONE);
        List<Lease> afterOne = queue.claim("work", 10, "w", MINUTE);
        queue.complete(parents.get(1), TaskOutcome.NONE);
        List<Lease> afterBoth = queue.claim("work", 10, "w", MINUTE);

        assertThat(parents).extracting(l -> l.task().name()).containsExactlyInAnyOrder("a", "b");
        assertThat(afterOne).isEmpty();
        assertThat(afterBoth).extracting(Lease::taskId).containsExactly(join.id());
    }
}
