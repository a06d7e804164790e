package dev.flowbase.queue;

import static dev.flowbase.store.TaskStatus.RUNNING;
import static dev.flowbase.store.TaskStatus.SUCCEEDED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.queue.Transitions.Transition;
import dev.flowbase.store.TaskOutcome;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * How an attempt ends in success: its lease row deleted from {@code task_queue}, fenced by the
 * attempt; the task moved to {@code succeeded}; then what the table names for running → succeeded
 * (attempt row, children released, counters). Runs inside the caller's transaction.
 */
final class Completions {
    private final QueueSql sql;
    private final Effects effects;

    Completions(QueueSql sql, Effects effects) {
        this.sql = sql;
        this.effects = effects;
    }

    /** Moves a task whose lease just ended to succeeded with its outcome, and what follows a success. */
    void recordOutcome(Handle h, Lease lease, TaskOutcome outcome) {
        h.createUpdate("UPDATE tasks SET status = :succeeded, result = :result, output = :output,"
                        + " exit_code = :exitCode, error_message = NULL, completed_at = " + sql.now() + ","
                        + " lease_owner = NULL, lease_expires_at = NULL, lock_version = lock_version + 1,"
                        + " updated_at = " + sql.now() + " WHERE id = :id")
                .bind("succeeded", SUCCEEDED)
                .bindByType("result", outcome.result(), JsonNode.class)
                .bind("output", outcome.output())
                .bind("exitCode", outcome.exitCode())
                .bind("id", lease.taskId())
                .execute();
        succeeded(h, List.of(lease), outcome);
    }

    /** Records the leases that still held as succeeded; returns those. */
    List<Lease> succeedAll(Handle h, List<Lease> leases) {
        List<Lease> held = Fenced.held(leases, sql.succeed(h, leases));
        if (!held.isEmpty()) {
            succeeded(h, held, TaskOutcome.NONE);
        }
        return held;
    }

    /** Deletes the queue rows these leases still hold, fenced by their attempts; returns the leases that held. */
    List<Lease> endLeases(Handle h, List<Lease> leases) {
        return Fenced.held(leases, sql.deleteHeld(h, leases));
    }

    private void succeeded(Handle h, List<Lease> leases, TaskOutcome outcome) {
        Transition t = Transitions.of(leases.getFirst().taskId(), RUNNING, SUCCEEDED);
        effects.apply(h, t, leases.stream().map(Attempts.Ended::of).toList(), true, outcome);
    }
}
