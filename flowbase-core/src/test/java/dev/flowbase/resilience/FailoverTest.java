package dev.flowbase.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.queue.Queue;
import dev.flowbase.queue.Worker;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.testing.Formation;
import dev.flowbase.testing.TestEngines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 28's failover under load, on a real pg_auto_failover formation: two producers and four
 * workers on a multi-host URL; the primary's keeper group is killed (kill -9) mid-load. Every task
 * acknowledged to a producer is there after the promotion, every one completes exactly once, and
 * the workers resume on the new primary without a restart. On the same formation and failover, two
 * more "processes" take rounds at a duty under advisory-lock leadership: one leads before, nobody
 * keeps a lead that died with the primary, one leads on the new primary, and the duty runs once a
 * round throughout ({@link DutyRounds}).
 */
class FailoverTest {
    /** The monitor's port; the nodes take the next two. */
    private static final int BASE_PORT = Integer.getInteger("flowbase.test.formation.port", 17320);
    /** Rounds of the duty in a row that must each run once under one leader. */
    private static final int STEADY_ROUNDS = 3;

    private static final int BEFORE = 40;
    private static final int AFTER = 40;

    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    /** When each acknowledgement came, for the outage clients saw. */
    private final ConcurrentLinkedQueue<Long> ackedAt = new ConcurrentLinkedQueue<>();

    private volatile long killedAt;
    private volatile long promotedAt;
    private volatile boolean producing = true;

    @Test
    void nothingAcknowledgedIsLostAndEveryTaskCompletesOnceAcrossAFailover() throws Exception {
        Assumptions.assumeTrue(TestEngines.selected().contains(Engine.POSTGRESQL), "PostgreSQL is not selected");
        Assumptions.assumeTrue(Formation.available(), "needs pg_auto_failover (bin/test installs it) and root");
        try (Formation formation = Formation.start(BASE_PORT);
                Database db = Database.open(DatabaseConfig.fromUrl(formation.url()).toBuilder()
                        .pool(new PoolSettings(12, 0, Duration.ofSeconds(10), Duration.ofSeconds(2)))
                        .statementTimeout(Duration.ofSeconds(5))
                        // A formation promotes in about 10 s: probe again after 1 s rather than 5.
                        .breaker(new BreakerSettings(50, 10, Duration.ofSeconds(1), Duration.ZERO))
                        .build());
                DutyRounds duty = DutyRounds.open(formation.url(), db)) {
            Migrator.configure().database(db).load().migrate();
            Stores stores = Stores.create(db);
            UUID org = stores.organizations().create("Acme", "acme").id();
            Queue queue = Queue.create(db);
            CountDownLatch before = new CountDownLatch(BEFORE);
            CountDownLatch after = new CountDownLatch(AFTER);
            List<Worker> workers = new ArrayList<>();
            List<Thread> producers = new ArrayList<>();
            try {
                for (int w = 0; w < 4; w++) {
                    workers.add(Worker.on(queue)
                            .name("worker-" + w)
                            .queue("jobs", 2)
                            .lease(Duration.ofSeconds(5))
                            .idle(Duration.ofMillis(10), Duration.ofMillis(500))
                            .shutdownDeadline(Duration.ofSeconds(2))
                            .handler("work", t -> TaskOutcome.NONE)
                            .start());
                }
                for (int p = 0; p < 2; p++) {
                    String producer = "producer-" + p;
                    producers.add(Thread.ofPlatform()
                            .name(producer)
                            .start(() -> produce(queue, org, producer, before, after)));
                }
                assertThat(before.await(60, TimeUnit.SECONDS))
                        .as("tasks acknowledged before the kill")
                        .isTrue();
                int leaderBefore = steadyLead(duty);
                killedAt = System.nanoTime();
                formation.kill(1);
                assertThat(duty.round())
                        .as("processes leading right after the primary died")
                        .hasSizeLessThanOrEqualTo(1);
                promotedAt = awaitPromotion(formation);
                assertThat(after.await(120, TimeUnit.SECONDS))
                        .as("tasks acknowledged after the kill; the monitor said:%n%s", formation.state())
                        .isTrue();
                producing = false;
                for (Thread t : producers) {
                    t.join(30_000);
                }
                awaitAllSucceeded(db);
                int outage = duty.current();
                awaitALeader(duty);
                int leaderAfter = steadyLead(duty);
                Map<Integer, Integer> runs = DutyRounds.runs(db);
                assertThat(runs.values()).as("runs of the duty in one round").allMatch(n -> n == 1);
                for (int round = 1; round <= STEADY_ROUNDS; round++) {
                    assertThat(runs).as("the duty's runs by round").containsEntry(round, 1);
                    assertThat(runs).as("the duty's runs by round").containsEntry(duty.current() + 1 - round, 1);
                }
                System.out.printf(
                        "FailoverTest: process %d led the duty before the failover, process %d after it;"
                                + " the first lead on the new primary came %d round(s) after the kill%n",
                        leaderBefore, leaderAfter, duty.current() - STEADY_ROUNDS - outage + 1);
            } finally {
                producing = false;
                workers.forEach(Worker::close);
            }
            for (UUID id : acknowledged) {
                assertThat(stores.tasks().get(id).status()).as("task %s", id).isEqualTo(TaskStatus.SUCCEEDED);
            }
            List<UUID> twice = db.withHandle(
                    "Finding tasks completed twice",
                    h -> h.createQuery("SELECT task_id FROM task_executions WHERE status = 'succeeded'"
                                    + " GROUP BY task_id HAVING count(*) > 1")
                            .mapTo(UUID.class)
                            .list());
            assertThat(twice).as("tasks completed more than once").isEmpty();
            System.out.printf(
                    "FailoverTest: %d tasks acknowledged; node 2 reported promoted %d ms after the kill -9;"
                            + " the longest time without an acknowledged write (the outage clients saw) was %d ms%n",
                    acknowledged.size(),
                    TimeUnit.NANOSECONDS.toMillis(promotedAt - killedAt),
                    TimeUnit.NANOSECONDS.toMillis(longestGap()));
        }
    }

    /**
     * Enqueues tasks one after the other, each with an idempotency key that a retry repeats, as a
     * careful client would: a commit whose answer was lost is found, not added twice.
     */
    private void produce(Queue queue, UUID org, String producer, CountDownLatch before, CountDownLatch after) {
        for (int n = 0; producing; n++) {
            NewTask task = NewTask.named(org, producer + " " + n)
                    .inQueue("jobs")
                    .ofType("work")
                    .withIdempotencyKey(producer + "-" + n);
            while (producing) {
                try {
                    acknowledged.add(queue.enqueue(task).id());
                    ackedAt.add(System.nanoTime());
                    if (killedAt != 0) {
                        after.countDown();
                    } else {
                        before.countDown();
                    }
                    break;
                } catch (BreakerOpenException open) {
                    pause(open.retryAfter()); // what Retry-After asks of a client
                } catch (FlowbaseException e) {
                    pause(Duration.ofMillis(100)); // not acknowledged: the same task again
                }
            }
        }
    }

    /** Rounds in a row, each with exactly one leader, the same one; returns it. */
    private static int steadyLead(DutyRounds duty) {
        List<Integer> first = duty.round();
        assertThat(first).as("leaders of round %d", duty.current()).hasSize(1);
        for (int n = 1; n < STEADY_ROUNDS; n++) {
            assertThat(duty.round()).as("leaders of round %d", duty.current()).isEqualTo(first);
        }
        return first.get(0);
    }

    /** Rounds until someone leads on the new primary; never two at once. */
    private static void awaitALeader(DutyRounds duty) throws InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            List<Integer> leaders = duty.round();
            assertThat(leaders).as("leaders of round %d", duty.current()).hasSizeLessThanOrEqualTo(1);
            if (leaders.size() == 1) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500); // a duty's timer comes round again; there is no event to wait on
        }
        throw new AssertionError("nobody took the lead on the new primary within 120 rounds");
    }

    /** Polls the tasks table: the workers report through the database, so there is no event to wait on here. */
    private static void awaitAllSucceeded(Database db) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            long unfinished = db.withHandle(
                    "Counting unfinished tasks",
                    h -> h.createQuery("SELECT count(*) FROM tasks WHERE status <> 'succeeded'")
                            .mapTo(long.class)
                            .one());
            if (unfinished == 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("tasks still unfinished after 2 min");
    }

    /** When the monitor first reports node 2 as the (waiting) primary: the formation's own promotion time. */
    private static long awaitPromotion(Formation formation) throws InterruptedException {
        for (int attempt = 0; attempt < 1200; attempt++) {
            String state = formation.state();
            if (state != null
                    && state.lines()
                            .anyMatch(
                                    l -> l.startsWith("node2") && l.matches(".*\\| +(wait_primary|primary) +\\|.*"))) {
                return System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(100); // the monitor has no way to wait for a state from here
        }
        throw new AssertionError("node 2 was not promoted within 2 min:%n" + formation.state());
    }

    private long longestGap() {
        List<Long> times = ackedAt.stream().sorted().toList();
        long longest = 0;
        for (int i = 1; i < times.size(); i++) {
            longest = Math.max(longest, times.get(i) - times.get(i - 1));
        }
        return longest;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
