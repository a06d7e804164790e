package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;
import dev.flowbase.db.RetryPolicy;
import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.resilience.BreakerSettings;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.testing.FaultProxy;
import dev.flowbase.testing.SettableClock;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Store and forward, with PostgreSQL as the primary behind a {@link FaultProxy} and each fallback
 * engine: new tasks accepted while the primary is cut off wait in the fallback's outbox, every other
 * write is refused, and when the primary answers again the outbox is replayed into it in the order
 * accepted, each task once, even after a replay that stopped half-way.
 */
class FallbackTest {
    private static final Duration OPEN_WAIT = Duration.ofSeconds(5);
    private static final BreakerSettings BREAKER = new BreakerSettings(50, 4, OPEN_WAIT, Duration.ZERO);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-08T00:00:00Z"));

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"MARIADB", "SQLITE"})
    void newTasksWaitInTheFallbackAndReachThePrimaryOnceInOrder(Engine fallbackEngine) {
        Assumptions.assumeTrue(
                TestEngines.selected().containsAll(List.of(Engine.POSTGRESQL, fallbackEngine)),
                "needs PostgreSQL and " + fallbackEngine);
        try (TestDatabase primary = TestDatabase.create(Engine.POSTGRESQL);
                TestDatabase second = TestDatabase.create(fallbackEngine);
                FaultProxy proxy =
                        FaultProxy.to(primary.config().host(), primary.config().port());
                Database db = open(primary, proxy);
                Fallback fallback = Fallback.on(second.open())) {
            Migrator.configure().database(db).load().migrate();
            UUID org = Stores.create(db).organizations().create("Acme", "acme").id();
            List<UUID> told = new CopyOnWriteArrayList<>();
            Queue queue = Queue.create(db).withFallback(fallback).withListener(c -> {
                if (c.change().equals("enqueued")) {
                    told.add(c.taskId());
                }
            });
            queue.enqueue(NewTask.named(org, "before").inQueue("early"));
            Lease running = queue.claim("early", 1, "w1", Duration.ofMinutes(5)).getFirst();

            proxy.reset();
            List<EnqueueOutcome> accepted = List.of(
                    queue.enqueueOnce(task(org, "a").withIdempotencyKey("k-a"), List.of()),
                    queue.enqueueOnce(task(org, "b"), List.of()),
                    queue.enqueueOnce(task(org, "c"), List.of()));
            EnqueueOutcome again = queue.enqueueOnce(task(org, "a again").withIdempotencyKey("k-a"), List.of());

            assertThat(accepted).allSatisfy(o -> {
                assertThat(o.deferred()).isTrue();
                assertThat(o.added()).isTrue();
                assertThat(o.task().status()).isEqualTo(TaskStatus.PENDING);
            });
            assertThat(again.deferred()).isTrue();
            assertThat(again.added()).isFalse();
            assertThat(again.task().id()).isEqualTo(accepted.getFirst().task().id());
            assertThatThrownBy(() -> queue.complete(running, TaskOutcome.NONE))
                    .isInstanceOfSatisfying(
                            FlowbaseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
            assertThat(fallback.stats().waiting()).isEqualTo(3);
            assertThat(told).hasSize(1); // the first task only: nothing deferred is told as enqueued

            proxy.heal();
            clock.advance(OPEN_WAIT.plusMillis(1));
            List<UUID> ids = accepted.stream().map(o -> o.task().id()).toList();
            // A replayer that wrote the first task and died before deleting it from the outbox.
            Outbox.Row first =
                    new Outbox(fallback.database().orElseThrow()).next(1).getFirst();
            queue.replay(first.taskId(), first.task(), first.dependsOn());
            told.clear();

            assertThat(fallback.replay(queue)).isEqualTo(3);
            assertThat(fallback.replay(queue)).isZero();

            assertThat(told).containsExactlyElementsOf(ids.subList(1, 3));
            assertThat(fallback.stats().waiting()).isZero();
            int inPrimary = db.withHandle(
                    "Counting",
                    h -> h.createQuery("SELECT COUNT(*) FROM tasks WHERE queue_name = 'jobs'")
                            .mapTo(int.class)
                            .one());
            assertThat(inPrimary).isEqualTo(3);
            List<Lease> claimed = queue.claim("jobs", 10, "w2", Duration.ofMinutes(5));
            assertThat(claimed).extracting(l -> l.task().id()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(claimed).extracting(l -> l.task().idempotencyKey()).contains("k-a");
        }
    }

    @Test
    void aNewTaskIsRefusedSayingSoWhenTheFallbackIsUnreachableToo() {
        Assumptions.assumeTrue(
                TestEngines.selected().containsAll(List.of(Engine.POSTGRESQL, Engine.MARIADB)),
                "needs PostgreSQL and MariaDB");
        try (TestDatabase primary = TestDatabase.create(Engine.POSTGRESQL);
                TestDatabase second = TestDatabase.create(Engine.MARIADB);
                FaultProxy toPrimary =
                        FaultProxy.to(primary.config().host(), primary.config().port());
                FaultProxy toFallback =
                        FaultProxy.to(second.config().host(), second.config().port());
                Database db = open(primary, toPrimary);
                Fallback fallback = Fallback.on(open(second, toFallback))) {
            Migrator.configure().database(db).load().migrate();
            UUID org = Stores.create(db).organizations().create("Acme", "acme").id();
            Queue queue = Queue.create(db).withFallback(fallback);

            toPrimary.reset();
            toFallback.reset();

            assertThatThrownBy(() -> queue.enqueueOnce(task(org, "lost"), List.of()))
                    .isInstanceOf(FallbackRefusedException.class)
                    .hasMessageContaining("the fallback could not keep the task either")
                    .hasMessageContaining("Retry after");
        }
    }

    private static NewTask task(UUID org, String name) {
        return NewTask.named(org, name).inQueue("jobs");
    }

    /** A reset refuses at once: the connect bound only has to be generous for a loaded machine. */
    private Database open(TestDatabase test, FaultProxy proxy) {
        DatabaseConfig proxied = DatabaseConfig.fromUrl(proxy.urlFor(test)).toBuilder()
                .pool(new PoolSettings(2, 0, Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .breaker(BREAKER)
                .build();
        return Database.open(proxied, RetryPolicy.DEFAULT, clock);
    }
}
