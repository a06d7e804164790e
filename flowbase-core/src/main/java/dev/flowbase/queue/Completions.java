package dev.flowbase.queue;

import static dev.flowbase.store.TaskStatus.RUNNING;
import static dev.flowbase.store.TaskStatus.SUCCEEDED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.queue.Transitions.Transition;
import dev.flowbase.store.TaskOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * How an attempt ends in success: its lease row deleted from {@code task_queue}, fenced by the
 * attempt; the task moved to {@code succeeded}; then what the table names for running → succeeded
 * (attempt row, children released, counters). Runs inside the caller's transaction.
 */
final class Completions {
    private final QueueSql sql;
    private final Effects effects;
    /** A task's success with its outcome; {@code now()} is the engine's, so the text is made per queue. */
    private final String recordOutcome;

    Completions(QueueSql sql, Effects effects) {
        this.sql = sql;
        this.effects = effects;
        this.recordOutcome = "UPDATE tasks SET status = :succeeded, result = :result, output = :output,"
                + " exit_code = :exitCode, error_message = NULL, completed_at = " + sql.now() + ","
                + " lease_owner = NULL, lease_expires_at = NULL, lock_version = lock_version + 1,"
                + " updated_at = " + sql.now() + " WHERE id = :id";
    }

    /** Moves a task whose lease just ended to succeeded with its outcome, and what follows a success. */
    void recordOutcome(Handle h, Lease lease, TaskOutcome outcome) {
        bindOutcome(h.createUpdate(recordOutcome), lease, outcome).execute();
        succeeded(h, List.of(lease), task -> outcome);
    }

    /** Records the leases that still held as succeeded; returns those. */
    List<Lease> succeedAll(Handle h, List<Lease> leases) {
        List<Lease> held = Fenced.held(leases, sql.succeed(h, leases));
        if (!held.isEmpty()) {
            succeeded(h, held, task -> TaskOutcome.NONE);
        }
        return held;
    }

    /**
     * Records the leases that still held as succeeded, each with its outcome, in a few statements
     * however many there are: those without an outcome as {@link #succeedAll(Handle, List)} does,
     * the others' outcomes written in one batch. Returns the leases that held.
     */
    List<Lease> succeedAll(Handle h, Map<Lease, TaskOutcome> outcomes) {
        List<Lease> plain = new ArrayList<>();
        List<Lease> withOutcome = new ArrayList<>();
        outcomes.forEach((l, o) -> (o.equals(TaskOutcome.NONE) ? plain : withOutcome).add(l));
        List<Lease> held = new ArrayList<>(plain.isEmpty() ? List.of() : Fenced.held(plain, sql.succeed(h, plain)));
        List<Lease> ended = withOutcome.isEmpty() ? List.of() : endLeases(h, withOutcome);
        if (!ended.isEmpty()) {
            PreparedBatch batch = h.prepareBatch(recordOutcome);
            ended.forEach(l -> bindOutcome(batch, l, outcomes.get(l)).add());
            batch.execute();
            held.addAll(ended);
        }
        if (!held.isEmpty()) {
            Map<UUID, TaskOutcome> byTask = new HashMap<>();
            held.forEach(l -> byTask.put(l.taskId(), outcomes.get(l)));
            succeeded(h, held, byTask::get);
        }
        return held;
    }

    /** Deletes the queue rows these leases still hold, fenced by their attempts; returns the leases that held. */
    List<Lease> endLeases(Handle h, List<Lease> leases) {
        return Fenced.held(leases, sql.deleteHeld(h, leases));
    }

    private void succeeded(Handle h, List<Lease> leases, Function<UUID, TaskOutcome> outcomeOf) {
        Transition t = Transitions.of(leases.getFirst().taskId(), RUNNING, SUCCEEDED);
        effects.apply(h, t, leases.stream().map(Attempts.Ended::of).toList(), true, t.attempt(), outcomeOf);
    }

    private <S extends SqlStatement<S>> S bindOutcome(S statement, Lease lease, TaskOutcome outcome) {
        return statement
                .bind("succeeded", SUCCEEDED)
                .bindByType("result", outcome.result(), JsonNode.class)
                .bind("output", outcome.output())
                .bind("exitCode", outcome.exitCode())
                .bind("id", lease.taskId());
    }
}
