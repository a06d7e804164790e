package dev.flowbase.testing;

import dev.flowbase.db.Database;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskExecution;
import dev.flowbase.util.Uuids;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Tasks and attempt histories for tests that read them (search, analytics, retention): tasks are
 * added through the queue, the one writer of their life; attempts are written as rows with the
 * times a test chooses, which no real worker could be made to take.
 */
public final class TaskHistory {
    private final Database db;
    private final Stores stores;

    public TaskHistory(Database db, Stores stores) {
        this.db = db;
        this.stores = stores;
    }

    /** Adds {@code task} as a producer would, ready now. */
    public Task add(NewTask task) {
        return Queue.create(db).withStores(stores).enqueue(task);
    }

    /** An attempt that started at the stores' clock and ended {@code took} later with {@code status}. */
    public TaskExecution attempt(Task task, int attempt, Duration took, ExecutionStatus status, String error) {
        Instant started = stores.clock().instant();
        return write(task, attempt, "worker-" + attempt, started, started.plus(took), status, error);
    }

    /** An attempt that started at the stores' clock and is running still. */
    public TaskExecution running(Task task, int attempt, String worker) {
        return write(task, attempt, worker, stores.clock().instant(), null, ExecutionStatus.RUNNING, null);
    }

    private TaskExecution write(
            Task task,
            int attempt,
            String worker,
            Instant started,
            Instant completed,
            ExecutionStatus status,
            String error) {
        UUID id = Uuids.v7(started);
        Instant now = stores.clock().instant();
        db.withHandle(
                "test: writing an attempt",
                h -> h.createUpdate("INSERT INTO task_executions (id, organization_id, task_id,"
                                + " workflow_execution_id, attempt, status, worker, error_message, started_at,"
                                + " completed_at, duration_ms, created_at, updated_at) VALUES (:id, :org, :task,"
                                + " :run, :attempt, :status, :worker, :error, :started, :completed, :duration,"
                                + " :created, :created)")
                        .bind("id", id)
                        .bind("org", task.organizationId())
                        .bind("task", task.id())
                        .bindByType("run", task.workflowExecutionId(), UUID.class)
                        .bind("attempt", attempt)
                        .bind("status", status)
                        .bind("worker", worker)
                        .bind("error", error)
                        .bindByType("started", started, Instant.class)
                        .bindByType("completed", completed, Instant.class)
                        .bind(
                                "duration",
                                completed == null
                                        ? null
                                        : Duration.between(started, completed).toMillis())
                        .bindByType("created", completed == null ? now : completed, Instant.class)
                        .execute());
        return stores.executions().attempts(task.id()).stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
