package dev.flowbase.queue;

import static dev.flowbase.queue.Transitions.Effect.ATTEMPT_ROW;
import static dev.flowbase.queue.Transitions.Effect.COUNTERS;
import static dev.flowbase.queue.Transitions.Effect.DAG_RELEASE;
import static dev.flowbase.queue.Transitions.Effect.DAG_SKIP;
import static dev.flowbase.queue.Transitions.Effect.LEASE_END;
import static dev.flowbase.queue.Transitions.Effect.LEASE_START;
import static dev.flowbase.queue.Transitions.Effect.READY_IN;
import static dev.flowbase.queue.Transitions.Effect.READY_OUT;
import static dev.flowbase.queue.Transitions.Effect.WAKE;
import static dev.flowbase.store.TaskStatus.CANCELLED;
import static dev.flowbase.store.TaskStatus.DEAD;
import static dev.flowbase.store.TaskStatus.FAILED;
import static dev.flowbase.store.TaskStatus.PENDING;
import static dev.flowbase.store.TaskStatus.READY;
import static dev.flowbase.store.TaskStatus.RUNNING;
import static dev.flowbase.store.TaskStatus.SUCCEEDED;

import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.InvalidTransitionException;
import dev.flowbase.store.TaskStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The life cycle of a task as one table: every allowed (from, to) and what the move does besides
 * writing {@code tasks.status}. Every path that moves a task (enqueue, claim, complete, fail,
 * release, reap, cancel, requeue and a caller's status change) looks its move up here and has
 * {@link Effects} carry out what the row names; a move that is not in the table is refused. A move
 * by a caller is audited, in its transaction, as the caller's stores name the actor.
 */
final class Transitions {
    /** What a move does besides writing the task's own row. */
    enum Effect {
        /** A row in {@code task_queue}: the task may be claimed. */
        READY_IN,
        /** Its row in {@code task_queue} goes: no claim, and a lease on it is void. */
        READY_OUT,
        /** The claim leases the row, counting the attempt up (the engine's claim statement). */
        LEASE_START,
        /** The lease ends: fenced by the attempt on the queue's paths, at once for a caller's move. */
        LEASE_END,
        /** The children waiting for it count down; those left waiting for nothing become ready. */
        DAG_RELEASE,
        /** Every unfinished task below it ends cancelled, naming it as the reason. */
        DAG_SKIP,
        /** The run's counters ({@code workflow_executions.tasks_*}) and this process's throughput. */
        COUNTERS,
        /** The attempt that ends is written to {@code task_executions}. */
        ATTEMPT_ROW,
        /** This process's workers of the queue wake, and other processes' on commit (NOTIFY). */
        WAKE
    }

    /**
     * One row of the table.
     *
     * @param from null for a task that is being added
     * @param attempt how the running attempt ends, for {@link Effect#ATTEMPT_ROW}; null when none runs
     * @param byCall whether a caller (the API's status change, a library user) may make it, not only the queue
     */
    record Transition(TaskStatus from, TaskStatus to, Set<Effect> effects, ExecutionStatus attempt, boolean byCall) {
        boolean has(Effect effect) {
            return effects.contains(effect);
        }

        /** The same move with {@code done} left out: for a path whose own statement already did it. */
        Transition without(Effect done) {
            Set<Effect> rest = EnumSet.noneOf(Effect.class);
            rest.addAll(effects);
            rest.remove(done);
            return new Transition(from, to, Set.copyOf(rest), attempt, byCall);
        }
    }

    private static final List<Transition> TABLE = List.of(
            queue(null, PENDING, COUNTERS),
            queue(null, READY, READY_IN, COUNTERS, WAKE),
            queue(null, CANCELLED, COUNTERS),
            call(PENDING, READY, READY_IN, WAKE),
            queue(PENDING, RUNNING, LEASE_START, COUNTERS),
            call(PENDING, CANCELLED, DAG_SKIP, COUNTERS),
            call(READY, PENDING, READY_OUT),
            queue(READY, RUNNING, LEASE_START, COUNTERS),
            call(READY, CANCELLED, READY_OUT, DAG_SKIP, COUNTERS),
            ended(RUNNING, READY, ExecutionStatus.CANCELLED, LEASE_END, READY_IN, COUNTERS, ATTEMPT_ROW, WAKE),
            ended(RUNNING, SUCCEEDED, ExecutionStatus.SUCCEEDED, LEASE_END, DAG_RELEASE, COUNTERS, ATTEMPT_ROW),
            ended(RUNNING, FAILED, ExecutionStatus.FAILED, LEASE_END, COUNTERS, ATTEMPT_ROW),
            ended(RUNNING, CANCELLED, ExecutionStatus.CANCELLED, LEASE_END, DAG_SKIP, COUNTERS, ATTEMPT_ROW),
            ended(RUNNING, DEAD, ExecutionStatus.FAILED, LEASE_END, DAG_SKIP, COUNTERS, ATTEMPT_ROW),
            call(FAILED, READY, READY_IN, COUNTERS, WAKE),
            call(FAILED, DEAD, DAG_SKIP, COUNTERS),
            call(FAILED, CANCELLED, DAG_SKIP, COUNTERS),
            call(DEAD, READY, READY_IN, COUNTERS, WAKE),
            call(DEAD, CANCELLED, DAG_SKIP, COUNTERS));

    private Transitions() {}

    /** Every row, in the order of the life cycle: what docs/queue.md shows. */
    static List<Transition> all() {
        return TABLE;
    }

    /** The queue's move of a task from {@code from} to {@code to}. */
    static Transition of(UUID task, TaskStatus from, TaskStatus to) {
        for (Transition t : TABLE) {
            if (t.from() == from && t.to() == to) {
                return t;
            }
        }
        throw new InvalidTransitionException("task", task, from, to, allowed(from, false));
    }

    /** A caller's move: refused, naming the states a call may choose, unless the table lets a call make it. */
    static Transition byCall(UUID task, TaskStatus from, TaskStatus to) {
        Transition t = TABLE.stream()
                .filter(r -> r.from() == from && r.to() == to)
                .findFirst()
                .orElseThrow(() -> new InvalidTransitionException("task", task, from, to, allowed(from, true)));
        if (!t.byCall()) {
            throw InvalidTransitionException.queueOnly(task, from, to);
        }
        return t;
    }

    /** Whether the table has a move from {@code from} to {@code to}. */
    static boolean allows(TaskStatus from, TaskStatus to) {
        return TABLE.stream().anyMatch(t -> t.from() == from && t.to() == to);
    }

    /** The states {@code from} may move to (by a caller only those it may choose), in lower case. */
    static List<String> allowed(TaskStatus from, boolean byCall) {
        List<String> out = new ArrayList<>();
        for (Transition t : TABLE) {
            if (t.from() == from && (t.byCall() || !byCall)) {
                out.add(t.to().name().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static Transition queue(TaskStatus from, TaskStatus to, Effect... effects) {
        return new Transition(from, to, set(effects), null, false);
    }

    private static Transition call(TaskStatus from, TaskStatus to, Effect... effects) {
        return new Transition(from, to, set(effects), null, true);
    }

    /** A move out of running: the attempt ends as {@code attempt}; the queue and a caller may make it. */
    private static Transition ended(TaskStatus from, TaskStatus to, ExecutionStatus attempt, Effect... effects) {
        return new Transition(from, to, set(effects), attempt, true);
    }

    private static Set<Effect> set(Effect... effects) {
        Set<Effect> out = EnumSet.noneOf(Effect.class);
        out.addAll(List.of(effects));
        return Set.copyOf(out);
    }
}
