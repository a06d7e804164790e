package dev.flowbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.util.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

class ExecutionsLogsMetricsTest {

    @EngineTest
    void aRunAndATaskAttemptRecordTheirTimingFromTheInjectedClock(Database db) {
        var f = new StoreFixture(db);
        Workflow w = f.workflow("timed");
        WorkflowExecution run = f.stores.executions().startWorkflow(w.id(), Json.read("{\"topic\":\"x\"}"), null);
        // Outside the run: the run's last task ending would end the run by itself.
        Task t = f.queue.enqueue(f.task("step").inWorkflow(w.id()));

        f.stores.executions().moveRun(run.id(), ExecutionStatus.RUNNING, TaskOutcome.NONE);
        var lease = f.claim(t);
        f.clock.advance(Duration.ofMillis(1500));
        f.queue.complete(lease, TaskOutcome.NONE);
        TaskExecution done = f.stores.executions().attempts(t.id()).getFirst();
        f.clock.advance(Duration.ofMillis(500));
        WorkflowExecution ended = f.stores.executions().moveRun(run.id(), ExecutionStatus.SUCCEEDED, TaskOutcome.NONE);

        assertThat(done.durationMs()).isEqualTo(1500L);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.durationMs()).isEqualTo(2000L);
        assertThat(ended.input()).isEqualTo(Json.read("{\"topic\":\"x\"}"));
        assertThat(f.stores.executions().attempts(t.id()))
                .extracting(TaskExecution::worker)
                .containsExactly("worker-1");
        assertThat(f.stores.executions().runs(w.id(), PageRequest.first()).items())
                .containsExactly(ended);
        var again = catchThrowableOfType(
                InvalidTransitionException.class,
                () -> f.stores.executions().moveRun(run.id(), ExecutionStatus.RUNNING, TaskOutcome.NONE));
        assertThat(again.getMessage()).contains("cannot go from succeeded to running");
    }

    @EngineTest
    void retentionDeletesTheLinesOlderThanTheCutoffAndKeepsTheRest(Database db) {
        var f = new StoreFixture(db);
        f.stores.logs().append(LogEntry.New.of(LogEntry.Level.INFO, "queue", "old"));
        f.clock.advance(Duration.ofDays(40));
        Instant cutoff = f.clock.instant().minus(Duration.ofDays(30));
        f.stores.logs().append(LogEntry.New.of(LogEntry.Level.INFO, "queue", "recent"));

        int deleted = f.stores.logs().deleteOlderThan(cutoff);

        assertThat(deleted).isEqualTo(1);
        assertThat(f.stores.logs().query(LogFilter.ALL, PageRequest.first()).items())
                .extracting(LogEntry::message)
                .containsExactly("recent");
    }

    @EngineTest
    void logsAreReadNewestFirstByLevelComponentAndText(Database db) {
        var f = new StoreFixture(db);
        f.stores.logs().append(LogEntry.New.of(LogEntry.Level.INFO, "queue", "claimed 5 tasks"));
        f.clock.advance(Duration.ofSeconds(1));
        f.stores
                .logs()
                .appendAll(List.of(
                        LogEntry.New.of(LogEntry.Level.ERROR, "queue", "task 50% done_then failed"),
                        LogEntry.New.of(LogEntry.Level.ERROR, "server", "bind failed")));

        var errors = f.stores.logs().query(LogFilter.ALL.withLevel(LogEntry.Level.ERROR), PageRequest.first());
        var queue = f.stores.logs().query(LogFilter.ALL.withComponent("queue"), PageRequest.first());
        var literal = f.stores.logs().query(LogFilter.ALL.containing("50% done_"), PageRequest.first());
        var wildcard = f.stores.logs().query(LogFilter.ALL.containing("5_ "), PageRequest.first());

        assertThat(errors.items()).extracting(LogEntry::component).containsExactlyInAnyOrder("queue", "server");
        assertThat(queue.items())
                .extracting(LogEntry::message)
                .containsExactly("task 50% done_then failed", "claimed 5 tasks");
        assertThat(literal.items()).hasSize(1);
        assertThat(wildcard.items()).isEmpty();
    }

    @EngineTest
    void metricsAreReadBackByNameAndTimeRange(Database db) {
        var f = new StoreFixture(db);
        Instant start = f.clock.instant();
        f.stores.metrics().record(null, "queue.depth", MetricSample.Type.GAUGE, 3, "tasks", null);
        f.clock.advance(Duration.ofMinutes(1));
        f.stores.metrics().record(null, "queue.depth", MetricSample.Type.GAUGE, 7, "tasks", null);
        f.clock.advance(Duration.ofMinutes(1));
        f.stores.metrics().record(null, "queue.depth", MetricSample.Type.GAUGE, 1, "tasks", null);

        var firstTwo = f.stores.metrics().query("queue.depth", start, start.plus(Duration.ofSeconds(90)), 100);

        assertThat(firstTwo).extracting(MetricSample::value).containsExactly(3.0, 7.0);
    }

    @EngineTest
    void aComponentRegistersOnceAndReportsItsHealth(Database db) {
        var f = new StoreFixture(db);
        Component first = f.stores.components().register("worker-a", "worker", "0.1.0");
        Component again = f.stores.components().register("worker-a", "worker", "0.2.0");
        f.clock.advance(Duration.ofSeconds(30));

        Component beat = f.stores.components().heartbeat("worker-a", Component.Health.HEALTHY, null);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.version()).isEqualTo("0.2.0");
        assertThat(beat.health()).isEqualTo(Component.Health.HEALTHY);
        assertThat(beat.lastHeartbeatAt()).isEqualTo(f.clock.instant());
        assertThat(f.stores.components().list()).hasSize(1);
        var stale = catchThrowableOfType(
                ConflictException.class,
                () -> f.stores.components().update(first.withStatus(Component.Status.MAINTENANCE)));
        assertThat(stale.getMessage()).contains("expected lock_version 1");
    }

    @EngineTest
    void seedRunsAreRecordedAndTheLatestIsFound(Database db) {
        var f = new StoreFixture(db);
        f.stores.seedRuns().record("defaults", "development", "abc");
        f.clock.advance(Duration.ofSeconds(1));
        f.stores.seedRuns().record("defaults", "development", "def");

        assertThat(f.stores.seedRuns().latest("defaults", "development"))
                .map(SeedRun::checksum)
                .contains("def");
        assertThat(f.stores.seedRuns().latest("defaults", "production")).isEmpty();
    }
}
