package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * How a claim is made: the engine leases the ready rows and moves their tasks to running
 * ({@link QueueSql#claim}); the leases come back in the order the claim took them, and the runs
 * those tasks belong to count them as started (the table's ready → running). Runs inside the caller's transaction.
 */
final class Claiming {
    /** The order a claim takes ready tasks in, for the leases it returns. */
    private static final Comparator<Task> CLAIM_ORDER = Comparator.comparingInt(Task::priority)
            .reversed()
            .thenComparing(Task::runAt)
            .thenComparing(Task::id);

    private final Database db;
    private final QueueSql sql;
    private final Effects effects;

    Claiming(Database db, QueueSql sql, Effects effects) {
        this.db = db;
        this.sql = sql;
        this.effects = effects;
    }

    List<Lease> claim(Handle h, ClaimRequest request) {
        List<Task> tasks = new ArrayList<>(sql.claim(h, request, db.rows(Task.class)));
        if (tasks.isEmpty()) {
            return List.of();
        }
        tasks.sort(CLAIM_ORDER);
        Instant at = effects.now();
        List<Lease> leases = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            leases.add(new Lease(t, t.attempt(), request.owner(), at));
        }
        effects.apply(
                h,
                Transitions.of(tasks.getFirst().id(), TaskStatus.READY, TaskStatus.RUNNING),
                leases.stream().map(Attempts.Ended::of).toList(),
                true,
                TaskOutcome.NONE);
        return leases;
    }
}
