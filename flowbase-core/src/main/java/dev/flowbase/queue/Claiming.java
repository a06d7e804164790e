package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.store.RunCounters;
import dev.flowbase.store.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * How a claim is made: the engine leases the ready rows and moves their tasks to running
 * ({@link QueueSql#claim}); the leases come back in the order the claim took them, and the runs
 * those tasks belong to count them as started. Runs inside the caller's transaction.
 */
final class Claiming {
    /** The order a claim takes ready tasks in, for the leases it returns. */
    private static final Comparator<Task> CLAIM_ORDER = Comparator.comparingInt(Task::priority)
            .reversed()
            .thenComparing(Task::runAt)
            .thenComparing(Task::id);

    private final Database db;
    private final QueueSql sql;
    private final Attempts attempts;

    Claiming(Database db, QueueSql sql, Attempts attempts) {
        this.db = db;
        this.sql = sql;
        this.attempts = attempts;
    }

    List<Lease> claim(Handle h, ClaimRequest request) {
        List<Task> tasks = new ArrayList<>(sql.claim(h, request, db.rows(Task.class)));
        if (tasks.isEmpty()) {
            return List.of();
        }
        tasks.sort(CLAIM_ORDER);
        Instant at = attempts.now();
        List<Lease> leases = new ArrayList<>(tasks.size());
        Set<UUID> runs = new HashSet<>();
        for (Task t : tasks) {
            leases.add(new Lease(t, t.attempt(), request.owner(), at));
            if (t.workflowExecutionId() != null) {
                runs.add(t.workflowExecutionId());
            }
        }
        RunCounters.started(h, runs, at);
        return leases;
    }
}
