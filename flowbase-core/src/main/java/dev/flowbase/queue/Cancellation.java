package dev.flowbase.queue;

import static dev.flowbase.store.TaskStatus.CANCELLED;

import dev.flowbase.db.Database;
import dev.flowbase.store.InvalidTransitionException;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Cancelling a task that has not finished: it leaves the ready set, a running attempt loses its
 * lease (recorded as cancelled, so its worker's answer is refused), its run's counters move, and
 * the tasks below it are skipped: the table's row for (its state, cancelled).
 */
final class Cancellation {
    private final Database db;
    private final QueueSql sql;
    private final Effects effects;

    Cancellation(Database db, QueueSql sql, Effects effects) {
        this.db = db;
        this.sql = sql;
        this.effects = effects;
    }

    /** Inside the caller's transaction; the task as it is after. */
    Task cancel(Handle h, Task before) {
        UUID taskId = before.id();
        if (!Transitions.allows(before.status(), CANCELLED)) {
            throw new InvalidTransitionException("task " + taskId + " cannot be cancelled: it is "
                    + before.status().name().toLowerCase(Locale.ROOT));
        }
        List<Attempts.Ended> running = h.createQuery(Attempts.LEASED + " AND q.task_id = :id")
                .bind("id", taskId)
                .map(db.rows(Attempts.Ended.class))
                .list();
        int n = h.createUpdate("UPDATE tasks SET status = :cancelled, completed_at = " + sql.now() + ","
                        + " lease_owner = NULL, lease_expires_at = NULL, lock_version = lock_version + 1,"
                        + " updated_at = " + sql.now() + " WHERE id = :id AND status = :from")
                .bind("cancelled", CANCELLED)
                .bind("id", taskId)
                .bind("from", before.status())
                .execute();
        if (n == 0) {
            Task now = Queue.read(db, h, taskId);
            throw new InvalidTransitionException("task " + taskId + " cannot be cancelled: it is "
                    + now.status().name().toLowerCase(Locale.ROOT));
        }
        TaskStatus from = before.status();
        effects.apply(
                h,
                Transitions.of(taskId, from, CANCELLED),
                running.isEmpty() ? List.of(Attempts.Ended.of(before)) : running,
                false,
                TaskOutcome.error("the task was cancelled"));
        return Queue.read(db, h, taskId);
    }
}
