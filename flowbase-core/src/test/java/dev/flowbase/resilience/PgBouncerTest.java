package dev.flowbase.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.Settings;
import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.queue.Leadership;
import dev.flowbase.queue.Queue;
import dev.flowbase.queue.Worker;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.testing.PgBouncer;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestEngines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The pgbouncer topology: the queue's statements go through pgbouncer in transaction mode
 * ({@code prepareThreshold=0}), LISTEN and the leaders' advisory locks through DB_DIRECT_URL. Two
 * "processes" share the queue: one's enqueues wake the other's workers, one leads at a time, and
 * every task completes once.
 */
class PgBouncerTest {
    private static final int PORT = Integer.getInteger("flowbase.test.pgbouncer.port", 17330);
    private static final int TASKS = 200;

    @Test
    void theQueueRunsThroughTransactionPoolingWithSessionsOnTheDirectUrl() throws InterruptedException {
        Assumptions.assumeTrue(TestEngines.selected().contains(Engine.POSTGRESQL), "PostgreSQL is not selected");
        Assumptions.assumeTrue(PgBouncer.available(), "needs pgbouncer (apt-get install pgbouncer) and root");
        try (TestDatabase test = TestDatabase.create(Engine.POSTGRESQL);
                PgBouncer bouncer = PgBouncer.start(
                        PORT, test.config().host(), test.config().port())) {
            Migrator.configure().database(test.open()).load().migrate();
            DatabaseConfig pooled = new ConfigLoader()
                    .environment(Map.of("DB_DIRECT_URL", test.url()))
                    .flag(
                            Settings.DATABASE_URL,
                            test.url().replace(test.config().hostAndPort(), "127.0.0.1:" + bouncer.port())
                                    + "?prepareThreshold=0")
                    .load()
                    .database();
            assertThat(pooled.direct()).isPresent();
            try (Database workers = Database.open(pooled);
                    Database producers = Database.open(pooled)) {
                Queue producing = Queue.create(producers);
                UUID org = Stores.create(producers)
                        .organizations()
                        .create("Acme", "acme")
                        .id();
                Leadership first = producing.leadership("reaper");
                Leadership second = Queue.create(workers).leadership("reaper");
                assertThat(first.lead()).isTrue();
                assertThat(second.lead())
                        .as("a second leader while the first holds the lock")
                        .isFalse();
                first.close();
                assertThat(second.lead()).isTrue();
                second.close();

                CountDownLatch done = new CountDownLatch(TASKS);
                List<Worker> running = new ArrayList<>();
                try {
                    for (int w = 0; w < 2; w++) {
                        running.add(Worker.on(Queue.create(workers))
                                .name("bounced-" + w)
                                .queue("jobs", 4)
                                // Polling alone would take an hour: the tasks arrive by NOTIFY on the direct URL.
                                .idle(Duration.ofHours(1), Duration.ofHours(1))
                                .handler("work", t -> {
                                    done.countDown();
                                    return TaskOutcome.NONE;
                                })
                                .start());
                    }
                    for (int n = 0; n < TASKS; n++) {
                        producing.enqueue(
                                NewTask.named(org, "task " + n).inQueue("jobs").ofType("work"));
                    }
                    assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
                } finally {
                    running.forEach(Worker::close);
                }
                List<UUID> twice = producers.withHandle(
                        "Finding tasks completed twice",
                        h -> h.createQuery("SELECT task_id FROM task_executions WHERE status = 'succeeded'"
                                        + " GROUP BY task_id HAVING count(*) > 1")
                                .mapTo(UUID.class)
                                .list());
                assertThat(twice).isEmpty();
            }
        }
    }
}
