package dev.flowbase.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.flowbase.backup.BackupOptions;
import dev.flowbase.backup.BackupProgress;
import dev.flowbase.backup.Backups;
import dev.flowbase.backup.Manifest;
import dev.flowbase.db.Database;
import dev.flowbase.store.LogEntry.Level;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Task;
import dev.flowbase.store.WorkflowExecution;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.util.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db clean --archive}: every row deleted is first in a verified archive, with the rows its
 * delete takes along (a task's attempts, a run's tasks); running work stays, and stays out of the
 * deletes, on every engine.
 */
class RetentionArchiveContractTest {
    @TempDir
    Path dir;

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

    private static Task task(SearchFixture f, NewTask task, String status) {
        Task t = f.history.add(task);
        status(f, "tasks", t.id(), status);
        return t;
    }

    private static Map<String, List<UUID>> archived(Path file) {
        Map<String, List<UUID>> ids = new HashMap<>();
        Backups.readRows(file, null, (spec, row) -> {
            int id = spec.columnNames().indexOf(spec.name().equals("task_queue") ? "task_id" : "id");
            ids.computeIfAbsent(spec.name(), n -> new ArrayList<>()).add((UUID) row[id]);
        });
        return ids;
    }

    @EngineTest
    void whatIsDeletedIsFirstInAVerifiedArchiveWithWhatItsDeleteTakesAlong(Database db) {
        var f = new SearchFixture(db);
        UUID oldLine = f.log(f.org, Level.INFO, "old line");
        Task oldDone = task(f, NewTask.named(f.org, "old done"), "succeeded");
        var oldAttempt = f.failedAttempt(oldDone, "first try failed");
        Task oldRunning = task(f, NewTask.named(f.org, "old running"), "running");
        var workflow = f.workflow(f.org, "nightly", "");
        WorkflowExecution doneRun = f.stores.executions().startWorkflow(workflow.id(), Json.emptyObject(), null);
        Task doneRunTask =
                task(f, NewTask.named(f.org, "step").inWorkflow(workflow.id()).inExecution(doneRun.id()), "succeeded");
        status(f, "workflow_executions", doneRun.id(), "succeeded");
        WorkflowExecution busyRun = f.stores.executions().startWorkflow(workflow.id(), Json.emptyObject(), null);
        Task busyRunTask =
                task(f, NewTask.named(f.org, "step").inWorkflow(workflow.id()).inExecution(busyRun.id()), "ready");
        status(f, "workflow_executions", busyRun.id(), "failed");
        f.clock.advance(Duration.ofDays(40));
        UUID newLine = f.log(f.org, Level.INFO, "new line");
        Task newDone = task(f, NewTask.named(f.org, "new done"), "succeeded");
        RetentionPolicy policy =
                RetentionPolicy.parse("retention.policy", "logs=30d, tasks=30d, workflow_executions=30d");
        Path file = dir.resolve("clean.fbk");

        RetentionArchive.Result result = new RetentionArchive(db, f.clock, 1)
                .run(policy, file, BackupOptions.DEFAULT, BackupProgress.NONE, Retention.Progress.NONE);

        assertThat(result.failed()).isFalse();
        Manifest manifest = Backups.verify(file, null, BackupProgress.NONE);
        assertThat(manifest.archiveId()).isEqualTo(result.archiveId());
        Map<String, List<UUID>> archived = archived(file);
        assertThat(archived.get("logs")).containsExactly(oldLine);
        assertThat(archived.get("tasks")).containsExactlyInAnyOrder(oldDone.id(), doneRunTask.id());
        assertThat(archived.get("task_executions")).containsExactly(oldAttempt.id());
        assertThat(archived.get("workflow_executions")).containsExactly(doneRun.id());
        assertThat(ids(f, "logs")).containsExactly(newLine);
        assertThat(ids(f, "tasks")).containsExactlyInAnyOrder(oldRunning.id(), busyRunTask.id(), newDone.id());
        assertThat(ids(f, "task_executions")).isEmpty();
        assertThat(ids(f, "workflow_executions")).containsExactly(busyRun.id());
        assertThat(result.tables())
                .filteredOn(t -> t.table().equals("logs") || t.table().equals("tasks"))
                .extracting(RetentionArchive.TableRows::archived, RetentionArchive.TableRows::deleted)
                .containsExactly(tuple(1L, 1L), tuple(2L, 2L));
    }

    @EngineTest
    void aRowThatStartedAgainSinceTheArchiveIsArchivedButNotDeleted(Database db) {
        var f = new SearchFixture(db);
        Task first = task(f, NewTask.named(f.org, "failed once"), "failed");
        Task second = task(f, NewTask.named(f.org, "failed twice"), "failed");
        f.clock.advance(Duration.ofDays(40));
        RetentionPolicy policy = RetentionPolicy.parse("retention.policy", "tasks=30d");
        Path file = dir.resolve("clean.fbk");
        // One task per batch: after the first is deleted, the other one is requeued by its user.
        Retention.Progress requeueTheOther = (table, n, total) -> f.db.withHandle(
                "test: requeue",
                h -> h.createUpdate("UPDATE tasks SET status = 'ready' WHERE status = 'failed'")
                        .execute());

        RetentionArchive.Result result = new RetentionArchive(db, f.clock, 1)
                .run(policy, file, BackupOptions.DEFAULT, BackupProgress.NONE, requeueTheOther);

        assertThat(archived(file).get("tasks")).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(ids(f, "tasks")).hasSize(1).containsAnyOf(first.id(), second.id());
        assertThat(result.tables())
                .extracting(RetentionArchive.TableRows::table, RetentionArchive.TableRows::deleted)
                .contains(tuple("tasks", 1L));
    }
}
