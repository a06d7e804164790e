package dev.flowbase.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.queue.Queue;
import dev.flowbase.queue.Worker;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.testing.FaultProxy;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestEngines;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A worker's LISTEN connection is opened again after the server dropped it: a task enqueued by
 * another process then wakes the worker by NOTIFY, although the worker's own polling would not
 * come round for an hour.
 */
class ListenAgainTest {

    @Test
    void aWorkerHearsOtherProcessesAgainAfterItsListenConnectionWasReset() throws InterruptedException {
        Assumptions.assumeTrue(TestEngines.selected().contains(Engine.POSTGRESQL), "PostgreSQL is not selected");
        try (TestDatabase test = TestDatabase.create(Engine.POSTGRESQL);
                FaultProxy proxy =
                        FaultProxy.to(test.config().host(), test.config().port());
                Database other = test.open();
                Database db = Database.open(DatabaseConfig.fromUrl(proxy.urlFor(test)))) {
            Migrator.configure().database(other).load().migrate();
            Stores stores = Stores.create(other);
            Queue producer = Queue.create(other);
            UUID org = stores.organizations().create("Acme", "acme").id();
            CountDownLatch ran = new CountDownLatch(1);
            try (Worker worker = Worker.on(Queue.create(db))
                    .name("listener")
                    .queue("jobs", 1)
                    .idle(Duration.ofHours(1), Duration.ofHours(1))
                    .shutdownDeadline(Duration.ofSeconds(1))
                    .handler("work", t -> {
                        ran.countDown();
                        return TaskOutcome.NONE;
                    })
                    .start()) {
                int acceptedBefore = proxy.accepted();
                proxy.reset();
                proxy.heal();
                // Each enqueue notifies; the first ones may come before LISTEN is issued again.
                int enqueued = 0;
                while (!ran.await(500, TimeUnit.MILLISECONDS)) {
                    assertThat(enqueued)
                            .as("tasks enqueued before the worker heard one")
                            .isLessThan(60);
                    producer.enqueue(NewTask.named(org, "wake " + enqueued++)
                            .inQueue("jobs")
                            .ofType("work"));
                }
                assertThat(proxy.accepted()).isGreaterThan(acceptedBefore);
                assertThat(worker.inFlight()).isGreaterThanOrEqualTo(0);
            }
        }
    }
}
