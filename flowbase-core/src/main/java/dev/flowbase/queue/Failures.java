package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.store.Dag;
import dev.flowbase.store.RunCounters;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** How an attempt ends when it failed or its lease ran out: a retry after a backoff, or the dead letters. */
final class Failures {
    private final QueueSql sql;
    private final Attempts attempts;

    Failures(QueueSql sql, Attempts attempts) {
        this.sql = sql;
        this.attempts = attempts;
    }

    /**
     * Ends a failed or lost attempt, fenced by its number: ready again after {@code wait} while the
     * task has retries left, dead (its descendants skipped) otherwise. False when fenced off.
     */
    boolean retryOrDead(Handle h, Attempts.Ended attempt, String error, Duration wait) {
        boolean retry = h.createQuery("SELECT CASE WHEN retry_count < max_retries THEN 1 ELSE 0 END FROM tasks"
                                + " WHERE id = :id")
                        .bind("id", attempt.taskId())
                        .mapTo(Integer.class)
                        .one()
                == 1;
        String fence = " WHERE task_id = :id AND attempt = :attempt AND " + QueueSql.HELD;
        int held = h.createUpdate(
                        retry
                                ? "UPDATE task_queue SET lease_owner = NULL, lease_expires_at = NULL, claimed_at = NULL,"
                                        + " run_at = " + sql.nowPlus("wait") + fence
                                : "DELETE FROM task_queue" + fence)
                .bind("wait", wait.toMillis())
                .bind("id", attempt.taskId())
                .bind("attempt", attempt.attempt())
                .execute();
        if (held == 0) {
            return false;
        }
        h.createUpdate("UPDATE tasks SET status = :status, retry_count = retry_count + :retried,"
                        + " run_at = " + sql.nowPlus("wait") + ", error_message = :error,"
                        + " dead_lettered_at = " + (retry ? "NULL" : sql.now()) + ","
                        + " lease_owner = NULL, lease_expires_at = NULL, lock_version = lock_version + 1,"
                        + " updated_at = " + sql.now() + " WHERE id = :id")
                .bind("status", retry ? "ready" : "dead")
                .bind("retried", retry ? 1 : 0)
                .bind("wait", wait.toMillis())
                .bind("error", error)
                .bind("id", attempt.taskId())
                .execute();
        if (!retry) {
            Instant at = attempts.now();
            RunCounters.record(
                    h, List.of(new RunCounters.Move(attempt.runId(), TaskStatus.RUNNING, TaskStatus.DEAD)), at);
            Dag.skipDescendants(h, attempt.taskId(), TaskStatus.DEAD, at);
        }
        return true;
    }

    /** Ends every attempt whose lease expired (inside the caller's transaction), recorded as timed out. */
    List<Attempts.Ended> reapExpired(Database db, Handle h) {
        List<Attempts.Ended> expired = h.createQuery(Attempts.LEASED + " AND q.lease_expires_at < " + sql.now())
                .map(db.rows(Attempts.Ended.class))
                .list();
        List<Attempts.Ended> reaped = new ArrayList<>();
        for (Attempts.Ended attempt : expired) {
            if (retryOrDead(h, attempt, "the lease of attempt " + attempt.attempt() + " expired", Duration.ZERO)) {
                reaped.add(attempt);
            }
        }
        attempts.record(h, reaped, "timed_out", TaskOutcome.error("the lease expired"));
        return reaped;
    }
}
