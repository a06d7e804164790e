package dev.flowbase.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.db.PoolStats;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.queue.Lease;
import dev.flowbase.queue.Queue;
import dev.flowbase.queue.QueueDepth;
import dev.flowbase.store.Component;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One verdict for everything, and the parts it comes from. */
class StatusTest {

    private static Check check(Report report, String name) {
        return report.checks().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + report.checks()));
    }

    @EngineTest
    void aDatabaseWithPendingMigrationsIsFailingAndSaysWhatToRun(Database db) {
        Report report = Status.of(db).collect();

        assertThat(report.verdict()).isEqualTo(Verdict.FAILING);
        assertThat(check(report, "database").verdict()).isEqualTo(Verdict.OK);
        assertThat(check(report, "migrations").detail()).contains("7 pending").contains("flowbase migrate up");
        assertThat(report.queues()).isEmpty();
    }

    @EngineTest
    void theQueuesShowReadyDelayedRunningAndDeadAndDeadLettersAreAWarning(Database db) {
        Migrator.configure().database(db).load().migrate();
        Stores stores = Stores.create(db);
        UUID org = stores.organizations().create("Acme", "acme").id();
        Queue queue = Queue.create(db);
        queue.enqueue(NewTask.named(org, "claimed").inQueue("mail").withPriority(9));
        queue.enqueue(
                NewTask.named(org, "doomed").inQueue("mail").withPriority(5).withMaxRetries(0));
        queue.enqueue(NewTask.named(org, "waiting").inQueue("mail"));
        queue.enqueue(NewTask.named(org, "tomorrow")
                .inQueue("mail")
                .runAt(Instant.now().plus(Duration.ofDays(1))));
        queue.enqueue(NewTask.named(org, "other").inQueue("pdf"));
        var leases = queue.claim("mail", 2, "w", Duration.ofMinutes(1));
        Lease doomed = leases.stream()
                .filter(l -> l.task().name().equals("doomed"))
                .findFirst()
                .orElseThrow();
        queue.fail(doomed, "no");

        Report report = Status.of(db).collect();

        assertThat(report.queues())
                .containsExactly(new QueueDepth("mail", 1, 1, 1, 1), new QueueDepth("pdf", 1, 0, 0, 0));
        assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(check(report, "queues").detail()).contains("1 dead").contains("flowbase queue requeue");
        assertThat(check(report, "migrations").detail()).contains("at version 7");
    }

    @EngineTest
    void aReadyTaskWaitingLongerThanTheThresholdIsAQueueLagWarning(Database db) {
        Migrator.configure().database(db).load().migrate();
        UUID org = Stores.create(db).organizations().create("Acme", "acme").id();
        Queue queue = Queue.create(db);
        queue.enqueue(NewTask.named(org, "forgotten")
                .inQueue("slow")
                .runAt(Instant.now().minus(Duration.ofMinutes(10))));
        queue.enqueue(NewTask.named(org, "fresh").inQueue("fast"));

        Report strict =
                Status.of(db, new Thresholds(80, 90, 1, Duration.ofMinutes(5))).collect();
        Report lenient =
                Status.of(db, new Thresholds(80, 90, 1, Duration.ofMinutes(30))).collect();

        assertThat(check(strict, "queue lag").verdict()).isEqualTo(Verdict.WARNING);
        assertThat(check(strict, "queue lag").detail()).contains("queue slow").contains("over 300 s");
        assertThat(check(lenient, "queue lag").verdict()).isEqualTo(Verdict.OK);
    }

    @EngineTest
    void aRegisteredWorkerThatStopsBeatingIsAWarningAndRedisIsAskedWhenConfigured(Database db) {
        Migrator.configure().database(db).load().migrate();
        var clock = new SettableClock(Instant.now());
        Stores stores = Stores.create(db).withClock(clock);
        stores.components().register("node-red-1", "worker", "4.0");
        stores.components().heartbeat("node-red-1", Component.Health.HEALTHY, null);
        stores.components().register("api-1", "server", "0.1");

        Check beating = Status.workers(
                stores.components().heartbeats("worker"), clock.instant().plus(Duration.ofMinutes(1)));
        Check silent = Status.workers(
                stores.components().heartbeats("worker"), clock.instant().plus(Duration.ofMinutes(3)));
        Report withRedis =
                Status.of(db).withRedis(Optional.of("redis://127.0.0.1:6379")).collect();
        Report withoutRedis =
                Status.of(db).withRedis(Optional.of("redis://127.0.0.1:1")).collect();

        assertThat(beating.verdict()).isEqualTo(Verdict.OK);
        assertThat(beating.detail()).isEqualTo("1 of 1 beating");
        assertThat(silent.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(silent.detail()).contains("node-red-1").doesNotContain("api-1");
        assertThat(check(withRedis, "redis").verdict()).isEqualTo(Verdict.OK);
        assertThat(check(withRedis, "redis").detail()).startsWith("Redis ");
        assertThat(check(withoutRedis, "redis").verdict()).isEqualTo(Verdict.WARNING);
        assertThat(check(withRedis, "workers").verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void aPoolOverEightyPercentIsAWarningAndAnExhaustedOneWithWaitersIsFailing() {
        assertThat(Status.pool(new PoolStats(8, 2, 0, 10), 80).verdict()).isEqualTo(Verdict.OK);
        assertThat(Status.pool(new PoolStats(9, 1, 0, 10), 80).verdict()).isEqualTo(Verdict.WARNING);
        assertThat(Status.pool(new PoolStats(10, 0, 3, 10), 80).verdict()).isEqualTo(Verdict.FAILING);
    }
}
