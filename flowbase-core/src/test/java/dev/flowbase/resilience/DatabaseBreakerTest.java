package dev.flowbase.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;
import dev.flowbase.db.DatabaseException;
import dev.flowbase.db.RetryPolicy;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.queue.Queue;
import dev.flowbase.queue.Worker;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.FaultProxy;
import dev.flowbase.testing.SettableClock;
import dev.flowbase.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The database's circuit breaker against a server behind a {@link FaultProxy}: resets and a
 * blackhole open it within its window, it then refuses calls at once with the time to retry, and
 * it closes when the server answers again after the open wait (timed by a settable clock). A
 * worker waits while it is open and resumes by itself.
 */
class DatabaseBreakerTest {
    private static final Duration OPEN_WAIT = Duration.ofSeconds(5);
    private static final BreakerSettings BREAKER = new BreakerSettings(50, 4, OPEN_WAIT, Duration.ZERO);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T15:00:00Z"));

    @EngineTest
    void resetsOpenTheBreakerWhichRefusesAtOnceAndClosesWhenTheServerAnswers(TestDatabase test) {
        Assumptions.assumeFalse(test.engine().isEmbedded(), "an embedded database has no connection to cut");
        try (FaultProxy proxy =
                        FaultProxy.to(test.config().host(), test.config().port());
                Database db = open(test, proxy)) {
            assertThat(selectOne(db)).isEqualTo(1);

            proxy.reset();
            int failures = failUntilOpen(db);

            assertThat(failures).isLessThanOrEqualTo(BREAKER.window());
            assertThat(db.breaker().state().state()).isEqualTo(BreakerState.State.OPEN);
            assertThatThrownBy(() -> selectOne(db))
                    .isInstanceOfSatisfying(
                            BreakerOpenException.class,
                            e -> assertThat(e.retryAfter()).isEqualTo(OPEN_WAIT.plusMillis(1)))
                    .hasMessageContaining("circuit breaker is open");
            assertThat(db.health().permitsCalls()).isFalse();

            proxy.heal();
            clock.advance(OPEN_WAIT.plusMillis(1));
            assertThat(db.health().permitsCalls()).isTrue();
            for (int probe = 0; probe < BreakerSettings.PROBES; probe++) {
                assertThat(selectOne(db)).isEqualTo(1);
            }
            assertThat(db.breaker().state().state()).isEqualTo(BreakerState.State.CLOSED);
            assertThat(db.breaker().state().opened()).isEqualTo(1);
        }
    }

    @EngineTest
    void aBlackholedServerOpensTheBreakerWithinItsTimeoutsAndAWorkerResumesAfterIt(TestDatabase test)
            throws InterruptedException {
        Assumptions.assumeFalse(test.engine().isEmbedded(), "an embedded database has no connection to cut");
        try (FaultProxy proxy =
                        FaultProxy.to(test.config().host(), test.config().port());
                Database db = open(test, proxy)) {
            Migrator.configure().database(db).load().migrate();
            Stores stores = Stores.create(db);
            Queue queue = Queue.create(db);
            UUID org = stores.organizations().create("Acme", "acme").id();
            CountDownLatch ran = new CountDownLatch(1);

            proxy.blackhole();
            failUntilOpen(db);
            try (Worker worker = Worker.on(queue)
                    .name("patient")
                    .queue("jobs", 1)
                    .shutdownDeadline(Duration.ofSeconds(1))
                    .handler("work", t -> {
                        ran.countDown();
                        return TaskOutcome.NONE;
                    })
                    .start()) {
                assertThat(queue.health().permitsCalls()).isFalse();
                assertThat(worker.inFlight()).isZero();

                proxy.heal();
                clock.advance(OPEN_WAIT.plusMillis(1));
                // Enqueued here, the task wakes the paused worker: no restart, no wait for a poll.
                Task task = queue.enqueue(
                        NewTask.named(org, "after the outage").inQueue("jobs").ofType("work"));
                assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(task).isNotNull();
            }
            assertThat(db.breaker().state().state()).isEqualTo(BreakerState.State.CLOSED);
        }
    }

    /** Calls until the breaker refuses; each failure must be an outage, never a hang. Returns the failures. */
    private static int failUntilOpen(Database db) {
        int failures = 0;
        while (true) {
            try {
                selectOne(db);
            } catch (BreakerOpenException open) {
                return failures;
            } catch (DatabaseException e) {
                failures++; // refused, reset, or timed out: bounded by the timeouts, never a hang
            }
            assertThat(failures).as("failures before the breaker opened").isLessThanOrEqualTo(BREAKER.window());
        }
    }

    private static int selectOne(Database db) {
        return db.withHandle(
                "Selecting 1", h -> h.createQuery("SELECT 1").mapTo(int.class).one());
    }

    /** Small bounds, so that a blackhole costs a test seconds: 1 s to connect, 2 s to read. */
    private Database open(TestDatabase test, FaultProxy proxy) {
        DatabaseConfig proxied = DatabaseConfig.fromUrl(proxy.urlFor(test)).toBuilder()
                .pool(new PoolSettings(2, 0, Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .statementTimeout(Duration.ofSeconds(1))
                .breaker(BREAKER)
                .build();
        assertThat(proxied.port()).isEqualTo(proxy.port());
        return Database.open(proxied, RetryPolicy.DEFAULT, clock);
    }
}
