package dev.flowbase.queue;

import static dev.flowbase.store.TaskStatus.DEAD;
import static dev.flowbase.store.TaskStatus.FAILED;
import static dev.flowbase.store.TaskStatus.READY;
import static dev.flowbase.store.TaskStatus.RUNNING;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.db.Database;
import dev.flowbase.queue.Transitions.Transition;
import dev.flowbase.store.ConflictException;
import dev.flowbase.store.InvalidTransitionException;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * A caller's moves, not a worker's: a status change ({@code POST /api/tasks/{id}/status}, a
 * transaction's {@code updateTaskStatus}), a requeue, an edit of the fields a task may change.
 * Each is a row of {@link Transitions} that a call may make; a running task moved this way loses
 * its lease and its attempt is written, as a worker's end of it would be.
 */
final class CallerMoves {
    /** The task after a move, and the queues whose workers to wake once it commits. */
    record Moved(Task before, Task after, Transition transition, Set<String> wake) {}

    private final Database db;
    private final Effects effects;

    CallerMoves(Database db, Effects effects) {
        this.db = db;
        this.effects = effects;
    }

    /** Inside the caller's transaction; {@code before} was read through the caller's stores. */
    Moved move(Handle h, Task before, TaskStatus to, TaskOutcome outcome) {
        Transition t = Transitions.byCall(before.id(), before.status(), to);
        List<Attempts.Ended> attempt = before.status() == RUNNING
                ? h.createQuery(Attempts.LEASED + " AND q.task_id = :id")
                        .bind("id", before.id())
                        .map(db.rows(Attempts.Ended.class))
                        .list()
                : List.of();
        Instant now = effects.now();
        boolean requeue = to == READY || to == TaskStatus.PENDING;
        int n = h.createUpdate("UPDATE tasks SET status = :to,"
                        + " completed_at = CASE WHEN :finished THEN :now WHEN :requeue THEN NULL"
                        + " ELSE completed_at END,"
                        + " dead_lettered_at = CASE WHEN :dead THEN :now WHEN :requeue THEN NULL"
                        + " ELSE dead_lettered_at END,"
                        + " lease_owner = NULL, lease_expires_at = NULL,"
                        + " result = COALESCE(:result, result), output = COALESCE(:output, output),"
                        + " error_message = CASE WHEN :requeue THEN NULL ELSE COALESCE(:error, error_message) END,"
                        + " exit_code = COALESCE(:exitCode, exit_code),"
                        + " lock_version = lock_version + 1, updated_at = :now"
                        + " WHERE id = :id AND lock_version = :lockVersion")
                .bind("to", to)
                .bind("finished", to.isFinished())
                .bind("dead", to == DEAD)
                .bind("requeue", requeue)
                .bind("now", now)
                .bindByType("result", outcome.result(), JsonNode.class)
                .bind("output", outcome.output())
                .bind("error", outcome.errorMessage())
                .bind("exitCode", outcome.exitCode())
                .bind("id", before.id())
                .bind("lockVersion", before.lockVersion())
                .execute();
        if (n == 0) {
            throw conflict(h, before);
        }
        List<Attempts.Ended> moved = attempt.isEmpty() ? List.of(Attempts.Ended.of(before)) : attempt;
        Set<String> wake = effects.apply(h, t, moved, false, outcome);
        return new Moved(before, Queue.read(db, h, before.id()), t, wake);
    }

    /** Puts a failed or dead task back, runnable now, with its retries restored. */
    Moved requeue(Handle h, Task before) {
        if (before.status() != FAILED && before.status() != DEAD) {
            throw new InvalidTransitionException("task " + before.id() + " cannot be requeued from "
                    + before.status().name().toLowerCase(Locale.ROOT) + ": only failed and dead tasks are requeued");
        }
        // Restored before the move, so the ready row is made from the run time it will have.
        h.createUpdate("UPDATE tasks SET retry_count = 0, run_at = :now, updated_at = :now WHERE id = :id")
                .bind("now", effects.now())
                .bind("id", before.id())
                .execute();
        return move(h, before, READY, TaskOutcome.NONE);
    }

    /**
     * Saves the editable fields (description, priority, parameters, retries, time limit, run time)
     * if nobody changed the task since {@code changed} was read; a ready row follows the new order.
     */
    Task edit(Handle h, Task changed) {
        int n = h.createUpdate("UPDATE tasks SET description = :description, priority = :priority,"
                        + " parameters = :parameters, max_retries = :maxRetries, timeout_seconds = :timeoutSeconds,"
                        + " run_at = :runAt, lock_version = lock_version + 1, updated_at = :now"
                        + " WHERE id = :id AND lock_version = :lockVersion")
                .bind("description", changed.description())
                .bind("priority", changed.priority())
                .bindByType("parameters", changed.parameters(), JsonNode.class)
                .bind("maxRetries", changed.maxRetries())
                .bind("timeoutSeconds", changed.timeoutSeconds())
                .bind("runAt", changed.runAt())
                .bind("now", effects.now())
                .bind("id", changed.id())
                .bind("lockVersion", changed.lockVersion())
                .execute();
        if (n == 0) {
            throw conflict(h, changed);
        }
        ReadySet.reschedule(h, changed.id());
        return Queue.read(db, h, changed.id());
    }

    /**
     * The task moved on since {@code read} was read. A locking read: under MariaDB's repeatable
     * read a plain one would show this transaction's snapshot, not the version that won.
     */
    private ConflictException conflict(Handle h, Task read) {
        int actual = h.createQuery("SELECT lock_version FROM tasks WHERE id = :id"
                        + db.dialect().forUpdate())
                .bind("id", read.id())
                .mapTo(Integer.class)
                .one();
        return new ConflictException("task", read.id(), read.lockVersion(), actual);
    }
}
