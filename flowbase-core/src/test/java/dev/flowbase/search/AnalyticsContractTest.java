package dev.flowbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.Workflow;
import dev.flowbase.testing.EngineTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.groups.Tuple;

/** Analytics computed in SQL agree with sorting and counting the same rows by hand, on every engine. */
class AnalyticsContractTest {

    /** Nearest rank: the smallest value with at least p percent of the values at or below it. */
    private static long nearestRank(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static void attempt(SearchFixture f, Task task, int n, long millis, ExecutionStatus status, String error) {
        f.history.attempt(task, n, Duration.ofMillis(millis), status, error);
        f.clock.advance(Duration.ofMillis(millis));
    }

    @EngineTest
    void percentilesPerTaskTypeMatchSortingTheDurationsByHand(Database db) {
        var f = new SearchFixture(db);
        Instant start = f.clock.instant();
        Random random = new Random(31);
        List<Long> embed = new ArrayList<>();
        List<Long> chat = new ArrayList<>();
        Task embedTask = f.history.add(NewTask.named(f.org, "embedding").ofType("embed"));
        Task chatTask = f.history.add(NewTask.named(f.org, "chatting").ofType("chat"));
        for (int i = 1; i <= 37; i++) {
            long ms = 10 + random.nextInt(5000);
            embed.add(ms);
            attempt(f, embedTask, i, ms, ExecutionStatus.SUCCEEDED, null);
        }
        for (int i = 1; i <= 3; i++) {
            long ms = 100L * i;
            chat.add(ms);
            attempt(f, chatTask, i, ms, ExecutionStatus.SUCCEEDED, null);
        }

        List<Percentiles> byType = Analytics.on(db, f.clock).durationsByTaskType(f.org, start);

        assertThat(byType)
                .containsExactly(
                        new Percentiles(
                                "chat",
                                "chat",
                                3,
                                nearestRank(chat, 50),
                                nearestRank(chat, 95),
                                nearestRank(chat, 99),
                                300),
                        new Percentiles(
                                "embed",
                                "embed",
                                37,
                                nearestRank(embed, 50),
                                nearestRank(embed, 95),
                                nearestRank(embed, 99),
                                embed.stream().mapToLong(Long::longValue).max().orElseThrow()));
    }

    @EngineTest
    void throughputFailureRateTopErrorsAndSlowestWorkflowsComeFromSql(Database db) {
        var f = new SearchFixture(db);
        f.clock.advance(Duration.ofMinutes(10)); // 09:10
        Instant start = f.clock.instant();
        Task mail = f.history.add(NewTask.named(f.org, "send").inQueue("mail"));
        Task llm = f.history.add(NewTask.named(f.org, "ask").inQueue("llm"));
        attempt(f, mail, 1, 1000, ExecutionStatus.SUCCEEDED, null);
        attempt(f, mail, 2, 1000, ExecutionStatus.FAILED, "smtp timeout");
        attempt(f, llm, 1, 1000, ExecutionStatus.FAILED, "model overloaded");
        attempt(f, llm, 2, 1000, ExecutionStatus.TIMED_OUT, "model overloaded");
        f.clock.advance(Duration.ofHours(1)); // 10:10
        attempt(f, mail, 3, 1000, ExecutionStatus.SUCCEEDED, null);
        Workflow quick = f.workflow(f.org, "quick", null);
        Workflow slow = f.workflow(f.org, "slow", null);
        for (Workflow w : List.of(quick, slow)) {
            var run = f.stores.executions().startWorkflow(w.id(), null, null);
            f.stores.executions().moveRun(run.id(), ExecutionStatus.RUNNING, TaskOutcome.NONE);
            f.clock.advance(Duration.ofSeconds(w == slow ? 90 : 5));
            f.stores.executions().moveRun(run.id(), ExecutionStatus.SUCCEEDED, TaskOutcome.NONE);
        }
        Analytics analytics = Analytics.on(db, f.clock);

        List<ThroughputPoint> hourly = analytics.throughput(f.org, start, Bucket.HOUR);
        List<ErrorCount> errors = analytics.topErrors(f.org, start, 10);
        List<Percentiles> slowest = analytics.slowestWorkflows(f.org, start, 10);

        Instant nine = Instant.parse("2026-11-30T09:00:00Z");
        assertThat(hourly)
                .containsExactly(
                        new ThroughputPoint("llm", nine, 0, 2, 1.0),
                        new ThroughputPoint("mail", nine, 1, 1, 0.5),
                        new ThroughputPoint("mail", nine.plus(Duration.ofHours(1)), 1, 0, 0.0));
        assertThat(errors)
                .extracting(ErrorCount::message, ErrorCount::count)
                .containsExactly(Tuple.tuple("model overloaded", 2L), Tuple.tuple("smtp timeout", 1L));
        assertThat(slowest)
                .extracting(Percentiles::label, Percentiles::p95)
                .containsExactly(Tuple.tuple("slow", 90_000L), Tuple.tuple("quick", 5_000L));
        assertThat(slowest.get(0).group()).isEqualTo(slow.id().toString());
    }
}
