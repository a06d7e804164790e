package dev.flowbase.queue;

import dev.flowbase.queue.Transitions.Effect;
import dev.flowbase.queue.Transitions.Transition;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.TaskOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Carries out what a row of {@link Transitions} names, for tasks whose own row has just moved,
 * inside the transaction that moved them: the one place the ready set, the DAG, the run counters
 * and the attempt history follow a task's state.
 */
final class Effects {
    private final QueueSql sql;
    private final Attempts attempts;
    /** Told of each run that ended with its last task, once the transaction that ended it commits. */
    private final RunEnds runEnded;

    Effects(QueueSql sql, Attempts attempts, RunEnds runEnded) {
        this.sql = sql;
        this.attempts = attempts;
        this.runEnded = runEnded;
    }

    /** Now, by the stores' clock, in milliseconds. */
    Instant now() {
        return attempts.now();
    }

    /**
     * Applies {@code t} to {@code moved}, the attempt (if one ran) ending as the table says.
     *
     * @param leaseEnded whether the path already ended the leases with a statement fenced by the attempt
     * @return the queues whose workers to wake once the transaction commits
     */
    Set<String> apply(Handle h, Transition t, List<Attempts.Ended> moved, boolean leaseEnded, TaskOutcome outcome) {
        return apply(h, t, moved, leaseEnded, t.attempt(), outcome);
    }

    /** As {@link #apply(Handle, Transition, List, boolean, TaskOutcome)}, the attempt ending as {@code attemptAs}. */
    Set<String> apply(
            Handle h,
            Transition t,
            List<Attempts.Ended> moved,
            boolean leaseEnded,
            ExecutionStatus attemptAs,
            TaskOutcome outcome) {
        return apply(h, t, moved, leaseEnded, attemptAs, task -> outcome);
    }

    /** As above, each task's attempt ending with its own outcome: a batch of workers' reports. */
    Set<String> apply(
            Handle h,
            Transition t,
            List<Attempts.Ended> moved,
            boolean leaseEnded,
            ExecutionStatus attemptAs,
            Function<UUID, TaskOutcome> outcomeOf) {
        if (moved.isEmpty()) {
            return Set.of();
        }
        Instant at = now();
        List<UUID> ids = moved.stream().map(Attempts.Ended::taskId).toList();
        List<RunEnded> ended = new ArrayList<>();
        if (t.has(Effect.READY_OUT) || (t.has(Effect.LEASE_END) && !leaseEnded)) {
            ReadySet.remove(h, ids);
        }
        if (t.has(Effect.READY_IN)) {
            ReadySet.add(h, ids);
        }
        if (t.has(Effect.ATTEMPT_ROW)) {
            attempts.record(h, moved, attemptAs, outcomeOf);
        }
        if (t.has(Effect.COUNTERS)) {
            Set<UUID> runs = new HashSet<>();
            moved.forEach(m -> runs.add(m.runId()));
            runs.remove(null);
            if (t.has(Effect.LEASE_START)) {
                RunCounters.started(h, runs, at);
            }
            ended.addAll(RunCounters.record(
                    h,
                    moved.stream()
                            .map(m -> new RunCounters.Move(m.runId(), t.from(), t.to()))
                            .toList(),
                    at));
        }
        if (t.has(Effect.DAG_RELEASE)) {
            Dag.succeeded(h, ids, at);
        }
        if (t.has(Effect.DAG_SKIP)) {
            ids.forEach(id -> ended.addAll(Dag.skipDescendants(h, id, t.to(), at)));
        }
        if (!ended.isEmpty()) {
            runEnded.ended(h, ended);
        }
        if (!t.has(Effect.WAKE)) {
            return Set.of();
        }
        Set<String> queues = new LinkedHashSet<>();
        moved.forEach(m -> queues.add(m.queueName()));
        notifyOthers(h, queues);
        return queues;
    }

    /** Tells workers in other processes, on commit, where the engine can (PostgreSQL NOTIFY). */
    void notifyOthers(Handle h, Set<String> queues) {
        sql.notifySql()
                .ifPresent(statement -> queues.forEach(q -> h.createQuery(statement)
                        .bind("queue", q)
                        .mapTo(String.class)
                        .findFirst()));
    }
}
