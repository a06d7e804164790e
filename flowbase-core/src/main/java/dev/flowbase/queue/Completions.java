package dev.flowbase.queue;

import dev.flowbase.store.Dag;
import dev.flowbase.store.RunCounters;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * How an attempt ends in success: its lease row deleted from {@code task_queue}, fenced by the
 * attempt; the task moved to {@code succeeded}; the attempt written to history; the children the
 * task held back released; the run's counters moved. Runs inside the caller's transaction.
 */
final class Completions {
    private final QueueSql sql;
    private final Attempts attempts;

    Completions(QueueSql sql, Attempts attempts) {
        this.sql = sql;
        this.attempts = attempts;
    }

    /** Moves a task whose lease just ended to succeeded with its outcome, and what follows a success. */
    void recordOutcome(Handle h, Lease lease, TaskOutcome outcome) {
        h.createUpdate("UPDATE tasks SET status = 'succeeded', result = :result, output = :output,"
                        + " exit_code = :exitCode, error_message = NULL, completed_at = " + sql.now() + ","
                        + " lease_owner = NULL, lease_expires_at = NULL, lock_version = lock_version + 1,"
                        + " updated_at = " + sql.now() + " WHERE id = :id")
                .bindByType("result", outcome.result(), com.fasterxml.jackson.databind.JsonNode.class)
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
        return Fenced.held(leases, Fenced.deleteHeld(h, leases));
    }

    /** What follows a success: the attempts' history, the children released, the runs' counters. */
    private void succeeded(Handle h, List<Lease> leases, TaskOutcome outcome) {
        Instant at = attempts.now();
        attempts.record(h, leases.stream().map(Attempts.Ended::of).toList(), "succeeded", outcome);
        Dag.succeeded(h, leases.stream().map(Lease::taskId).toList(), at);
        RunCounters.record(h, moves(leases, TaskStatus.SUCCEEDED), at);
    }

    private static List<RunCounters.Move> moves(List<Lease> leases, TaskStatus to) {
        return leases.stream()
                .filter(l -> l.task().workflowExecutionId() != null)
                .map(l -> new RunCounters.Move(l.task().workflowExecutionId(), TaskStatus.RUNNING, to))
                .toList();
    }
}
