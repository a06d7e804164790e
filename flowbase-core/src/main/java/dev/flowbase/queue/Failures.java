package dev.flowbase.queue;

import static dev.flowbase.store.TaskStatus.DEAD;
import static dev.flowbase.store.TaskStatus.READY;
import static dev.flowbase.store.TaskStatus.RUNNING;

import dev.flowbase.db.Database;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** How an attempt ends when it failed or its lease ran out: a retry after a backoff, or the dead letters. */
final class Failures {
    private final QueueSql sql;
    private final Effects effects;

    Failures(QueueSql sql, Effects effects) {
        this.sql = sql;
        this.effects = effects;
    }

    /**
     * Ends a failed or lost attempt, fenced by its number: ready again after {@code wait} while the
     * task has retries left, dead (its descendants skipped) otherwise; the attempt is written as
     * {@code attemptAs}. Returns where the task went, or null when fenced off.
     */
    TaskStatus retryOrDead(
            Handle h,
            Attempts.Ended attempt,
            String error,
            Duration wait,
            ExecutionStatus attemptAs,
            TaskOutcome outcome) {
        boolean retry = h.createQuery("SELECT CASE WHEN retry_count < max_retries THEN 1 ELSE 0 END FROM tasks"
                                + " WHERE id = :id")
                        .bind("id", attempt.taskId())
                        .mapTo(Integer.class)
                        .one()
                == 1;
        String fence = " WHERE task_id = :id AND attempt = :attempt AND " + QueueSql.HELD;
        int held = h.createUpdate("DELETE FROM task_queue" + fence)
                .bind("id", attempt.taskId())
                .bind("attempt", attempt.attempt())
                .execute();
        if (held == 0) {
            return null;
        }
        TaskStatus to = retry ? READY : DEAD;
        h.createUpdate("UPDATE tasks SET status = :status, retry_count = retry_count + :retried,"
                        + " run_at = " + sql.nowPlus("wait") + ", error_message = :error,"
                        + " dead_lettered_at = " + (retry ? "NULL" : sql.now()) + ","
                        + " lease_owner = NULL, lease_expires_at = NULL, lock_version = lock_version + 1,"
                        + " updated_at = " + sql.now() + " WHERE id = :id")
                .bind("status", to)
                .bind("retried", retry ? 1 : 0)
                .bind("wait", wait.toMillis())
                .bind("error", error)
                .bind("id", attempt.taskId())
                .execute();
        // A retry's ready row is made again from the task's row, with the backoff's run time.
        effects.apply(h, Transitions.of(attempt.taskId(), RUNNING, to), List.of(attempt), true, attemptAs, outcome);
        return to;
    }

    /** Ends every attempt whose lease expired (inside the caller's transaction), recorded as timed out. */
    List<Attempts.Ended> reapExpired(Database db, Handle h) {
        List<Attempts.Ended> expired = h.createQuery(Attempts.LEASED + " AND q.lease_expires_at < " + sql.now())
                .map(db.rows(Attempts.Ended.class))
                .list();
        List<Attempts.Ended> reaped = new ArrayList<>();
        for (Attempts.Ended attempt : expired) {
            String error = "the lease of attempt " + attempt.attempt() + " expired";
            TaskOutcome lost = TaskOutcome.error("the lease expired");
            if (retryOrDead(h, attempt, error, Duration.ZERO, ExecutionStatus.TIMED_OUT, lost) != null) {
                reaped.add(attempt);
            }
        }
        return reaped;
    }
}
