package dev.flowbase.queue;

import static dev.flowbase.store.TaskStatus.READY;
import static dev.flowbase.store.TaskStatus.RUNNING;

import dev.flowbase.db.Database;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * What a worker does with a lease besides ending it in success or failure: extend it (heartbeat),
 * give the task back (release), or find it again from the task and attempt alone. Each runs
 * inside the caller's transaction, fenced by the attempt.
 */
final class Leases {
    private final Database db;
    private final QueueSql sql;
    private final Effects effects;

    Leases(Database db, QueueSql sql, Effects effects) {
        this.db = db;
        this.sql = sql;
        this.effects = effects;
    }

    /** Gives the task back, ready at once, its attempt written as cancelled; the queues to wake (none if fenced off). */
    Set<String> release(Handle h, Lease lease) {
        int n = h.createUpdate("DELETE FROM task_queue WHERE task_id = :id AND attempt = :attempt AND " + QueueSql.HELD)
                .bind("id", lease.taskId())
                .bind("attempt", lease.attempt())
                .execute();
        if (n == 0) {
            return Set.of();
        }
        h.createUpdate("UPDATE tasks SET status = :ready, lease_owner = NULL, lease_expires_at = NULL,"
                        + " lock_version = lock_version + 1, updated_at = " + sql.now() + " WHERE id = :id")
                .bind("ready", READY)
                .bind("id", lease.taskId())
                .execute();
        return effects.apply(
                h,
                Transitions.of(lease.taskId(), RUNNING, READY),
                List.of(Attempts.Ended.of(lease)),
                true,
                ExecutionStatus.CANCELLED,
                TaskOutcome.error("the worker stopped before the task was done"));
    }

    /** Extends the lease by {@code extend} from now, by the database's clock; false when fenced off. */
    boolean heartbeat(Handle h, Lease lease, Duration extend) {
        int n = h.createUpdate("UPDATE task_queue SET lease_expires_at = " + sql.nowPlus("extend")
                        + " WHERE task_id = :id AND attempt = :attempt AND " + QueueSql.HELD)
                .bind("extend", extend.toMillis())
                .bind("id", lease.taskId())
                .bind("attempt", lease.attempt())
                .execute();
        if (n == 0) {
            return false;
        }
        h.createUpdate("UPDATE tasks SET lease_expires_at = " + sql.nowPlus("extend") + ", heartbeat_at = " + sql.now()
                        + ", updated_at = " + sql.now() + " WHERE id = :id")
                .bind("extend", extend.toMillis())
                .bind("id", lease.taskId())
                .execute();
        return true;
    }

    /** The lease that {@code attempt} of {@code task} (read through the caller's stores) holds now. */
    Lease of(Handle h, Task task, int attempt) {
        return held(h, task, attempt).orElseThrow(() -> stale(task, attempt));
    }

    /** As {@link #of}, empty when the task is not leased at that attempt. */
    Optional<Lease> held(Handle h, Task task, int attempt) {
        return h.createQuery(Attempts.LEASED + " AND q.task_id = :id AND q.attempt = :attempt")
                .bind("id", task.id())
                .bind("attempt", attempt)
                .map(db.rows(Attempts.Ended.class))
                .findOne()
                .map(held -> new Lease(task, attempt, held.worker(), held.startedAt()));
    }

    /** The leases held now at these (task, attempt) pairs of {@code tasks} (read through the caller's stores), by pair. */
    Map<QueueSql.Claimed, Lease> held(Handle h, Map<UUID, Task> tasks, List<QueueSql.Claimed> pairs) {
        if (pairs.isEmpty()) {
            return Map.of();
        }
        Map<QueueSql.Claimed, Lease> held = new HashMap<>();
        Fenced.bindPairs(
                        h.createQuery(Attempts.LEASED + " AND (q.task_id, q.attempt) IN (" + Fenced.pairs(pairs.size())
                                + ")"),
                        pairs)
                .map(db.rows(Attempts.Ended.class))
                .forEach(e -> held.put(
                        new QueueSql.Claimed(e.taskId(), e.attempt()),
                        new Lease(tasks.get(e.taskId()), e.attempt(), e.worker(), e.startedAt())));
        return held;
    }

    /** The refusal of a report from {@code attempt} of a task that has moved past it. */
    static StaleLeaseException stale(Task task, int attempt) {
        return new StaleLeaseException(new Lease(task, attempt, "this worker", null), where(task));
    }

    /** Where a task is now, for a refused lease: its state and attempt. */
    static String where(Task task) {
        return task.status().name().toLowerCase(Locale.ROOT) + " at attempt " + task.attempt();
    }
}
