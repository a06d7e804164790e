package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.store.Dag;
import dev.flowbase.store.InvalidTransitionException;
import dev.flowbase.store.ReadySet;
import dev.flowbase.store.RunCounters;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Cancelling a task that has not finished: it leaves the ready set, a running attempt loses its
 * lease (recorded as cancelled, so its worker's answer is refused), its run's counters move, and
 * the tasks below it are skipped.
 */
final class Cancellation {
    private final Database db;
    private final QueueSql sql;
    private final Attempts attempts;

    Cancellation(Database db, QueueSql sql, Attempts attempts) {
        this.db = db;
        this.sql = sql;
        this.attempts = attempts;
    }

    /** Inside the caller's transaction; the task as it is after. */
    Task cancel(Handle h, UUID taskId) {
        Task before = Queue.read(db, h, taskId);
        List<Attempts.Ended> running = h.createQuery(Attempts.LEASED + " AND q.task_id = :id")
                .bind("id", taskId)
                .map(db.rows(Attempts.Ended.class))
                .list();
        int n = h.createUpdate("UPDATE tasks SET status = 'cancelled', completed_at = " + sql.now() + ","
                        + " lease_owner = NULL, lease_expires_at = NULL, lock_version = lock_version + 1,"
                        + " updated_at = " + sql.now()
                        + " WHERE id = :id AND status IN ('pending', 'ready', 'running', 'failed', 'dead')")
                .bind("id", taskId)
                .execute();
        if (n == 0) {
            throw new InvalidTransitionException("task " + taskId + " cannot be cancelled: it is "
                    + before.status().name().toLowerCase(Locale.ROOT));
        }
        ReadySet.remove(h, List.of(taskId));
        attempts.record(h, running, "cancelled", TaskOutcome.error("the task was cancelled"));
        Instant at = attempts.now();
        RunCounters.record(
                h,
                List.of(new RunCounters.Move(before.workflowExecutionId(), before.status(), TaskStatus.CANCELLED)),
                at);
        Dag.skipDescendants(h, taskId, TaskStatus.CANCELLED, at);
        return Queue.read(db, h, taskId);
    }
}
