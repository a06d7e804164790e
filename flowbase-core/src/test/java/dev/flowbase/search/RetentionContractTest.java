package dev.flowbase.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.store.LogEntry.Level;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Task;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.util.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Retention deletes exactly what its policy says, in batches, and leaves running work alone. */
class RetentionContractTest {

    private static void status(SearchFixture f, String table, UUID id, String status) {
        f.db.withHandle(
                "test: set status",
                h -> h.createUpdate("UPDATE " + table + " SET status = :s WHERE id = :id")
                        .bind("s", status)
                        .bind("id", id)
                        .execute());
    }

    private static List<UUID> ids(SearchFixture f, String table) {
        return f.db.withHandle(
                "test: ids",
                h -> h.createQuery("SELECT id FROM " + table).mapTo(UUID.class).list());
    }

    private static Task task(SearchFixture f, String name, String queue, String status) {
        Task t = f.history.add(NewTask.named(f.org, name).inQueue(queue));
        status(f, "tasks", t.id(), status);
        return t;
    }

    @EngineTest
    void oldFinishedRowsGoAndRunningWorkRecentRowsAndLongerRulesStay(Database db) {
        var f = new SearchFixture(db);
        UUID oldLine = f.log(f.org, Level.INFO, "old line");
        Task oldDone = task(f, "old done", "default", "succeeded");
        Task oldRunning = task(f, "old running", "default", "running");
        Task oldKept = task(f, "old but kept", "keep", "succeeded");
        Task oldMail = task(f, "old mail", "mail", "dead");
        var oldAttempt = f.failedAttempt(oldRunning, "first try failed");
        var runningAttempt = f.history.running(oldRunning, 2, "worker-2");
        f.clock.advance(Duration.ofDays(10));
        Task mailNewer = task(f, "mail ten days later", "mail", "succeeded");
        f.clock.advance(Duration.ofDays(30));
        UUID newLine = f.log(f.org, Level.INFO, "new line");
        Task newDone = task(f, "new done", "default", "succeeded");

        RetentionPolicy policy = RetentionPolicy.parse(
                "retention.policy",
                "logs=30d, task_executions=30d, tasks=30d, tasks.queue.keep=90d, tasks.queue.mail=2d");
        Retention retention = new Retention(db, f.clock, 1);
        RetentionResult dry = retention.dryRun(policy);
        List<String> batches = new ArrayList<>();
        RetentionResult run = retention.run(policy, (rule, n, total) -> batches.add(rule + " " + total), () -> true);

        assertThat(dry.rows()).isEqualTo(5);
        assertThat(run.rows()).isEqualTo(5);
        assertThat(run.complete()).isTrue();
        assertThat(run.failed()).isFalse();
        assertThat(batches)
                .containsExactly("logs 1", "task_executions 1", "tasks 1", "tasks.queue.mail 1", "tasks.queue.mail 2");
        assertThat(ids(f, "logs")).containsExactly(newLine).doesNotContain(oldLine);
        assertThat(ids(f, "tasks"))
                .containsExactlyInAnyOrder(oldRunning.id(), oldKept.id(), newDone.id())
                .doesNotContain(oldDone.id(), oldMail.id(), mailNewer.id());
        assertThat(ids(f, "task_executions"))
                .containsExactly(runningAttempt.id())
                .doesNotContain(oldAttempt.id());
        // The search index lost the deleted rows with them.
        assertThat(f.search
                        .search(f.org, "old", Search.Order.NEWEST, PageRequest.first())
                        .items())
                .extracting(SearchHit::id)
                .containsExactlyInAnyOrder(oldRunning.id(), oldKept.id());
    }

    @EngineTest
    void aFinishedRunGoesWithItsTasksAndARunWithATaskStillToRunStays(Database db) {
        var f = new SearchFixture(db);
        var workflow = f.workflow(f.org, "nightly", "");
        var doneRun = f.stores.executions().startWorkflow(workflow.id(), Json.emptyObject(), null);
        Task doneStep = f.history.add(
                NewTask.named(f.org, "step").inWorkflow(workflow.id()).inExecution(doneRun.id()));
        status(f, "tasks", doneStep.id(), "succeeded");
        status(f, "workflow_executions", doneRun.id(), "succeeded");
        var busyRun = f.stores.executions().startWorkflow(workflow.id(), Json.emptyObject(), null);
        Task waiting = f.history.add(
                NewTask.named(f.org, "step").inWorkflow(workflow.id()).inExecution(busyRun.id()));
        status(f, "workflow_executions", busyRun.id(), "failed");
        f.clock.advance(Duration.ofDays(40));

        RetentionResult run = new Retention(db, f.clock, 10)
                .run(
                        RetentionPolicy.parse("retention.policy", "workflow_executions=30d"),
                        Retention.Progress.NONE,
                        () -> true);

        assertThat(run.failed()).isFalse();
        assertThat(run.rows()).isEqualTo(1);
        assertThat(ids(f, "workflow_executions")).containsExactly(busyRun.id());
        assertThat(ids(f, "tasks")).containsExactly(waiting.id());
    }

    @EngineTest
    void aRunStoppedBetweenBatchesLosesNothingAndTheNextRunFinishes(Database db) {
        var f = new SearchFixture(db);
        for (int i = 0; i < 7; i++) {
            f.log(f.org, Level.INFO, "line " + i);
        }
        f.clock.advance(Duration.ofDays(31));
        RetentionPolicy policy = RetentionPolicy.parse("retention.policy", "logs=30d");
        Retention retention = new Retention(db, f.clock, 2);
        AtomicInteger allowed = new AtomicInteger(2);

        RetentionResult stopped = retention.run(policy, Retention.Progress.NONE, () -> allowed.getAndDecrement() > 0);
        RetentionResult resumed = retention.run(policy, Retention.Progress.NONE, () -> true);

        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.rows()).isEqualTo(4);
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.rows()).isEqualTo(3);
        assertThat(ids(f, "logs")).isEmpty();
    }

    @EngineTest
    void aPolicyThatDoesNotParseNamesTheRule(Database db) {
        var e = catchThrowableOfType(
                InvalidFieldException.class, () -> RetentionPolicy.parse("retention.policy", "logs=30d, jobs=2d"));
        var queueOnLogs = catchThrowableOfType(
                InvalidFieldException.class, () -> RetentionPolicy.parse("retention.policy", "logs.queue.mail=2d"));

        assertThat(e.getMessage()).contains("retention.policy='jobs=2d'").contains("tables logs, audit_log");
        assertThat(queueOnLogs.getMessage()).contains("'logs.queue.mail=2d'");
        assertThat(RetentionPolicy.parse("retention.policy", " ").isEmpty()).isTrue();
    }
}
