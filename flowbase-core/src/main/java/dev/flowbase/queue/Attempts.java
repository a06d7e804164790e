package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.util.Uuids;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Every attempt of a task as a row of {@code task_executions}, written once, when the attempt
 * ends, and only here: while it runs, its lease in {@code task_queue} is the record of it. A batch
 * of attempts that ended together is one bulk insert (COPY on PostgreSQL).
 */
final class Attempts {
    /** The attempts running under a lease, as {@link Ended} rows; conditions follow with AND. */
    static final String LEASED = "SELECT q.task_id, t.organization_id, t.workflow_execution_id AS run_id,"
            + " t.queue_name, q.attempt, q.lease_owner AS worker, q.claimed_at AS started_at FROM task_queue q"
            + " JOIN tasks t ON t.id = q.task_id WHERE q.lease_owner IS NOT NULL";

    private static final List<String> COLUMNS = List.of(
            "id",
            "organization_id",
            "task_id",
            "workflow_execution_id",
            "attempt",
            "status",
            "worker",
            "result",
            "output",
            "error_message",
            "exit_code",
            "started_at",
            "completed_at",
            "duration_ms",
            "created_at",
            "updated_at");

    /** An attempt that has ended: whose task, which number, who ran it and since when. */
    record Ended(
            UUID taskId,
            UUID organizationId,
            UUID runId,
            String queueName,
            int attempt,
            String worker,
            Instant startedAt) {
        static Ended of(Lease l) {
            return new Ended(
                    l.taskId(),
                    l.task().organizationId(),
                    l.task().workflowExecutionId(),
                    l.task().queueName(),
                    l.attempt(),
                    l.owner(),
                    l.claimedAt());
        }

        /** A task as its own row tells its current attempt: for a move by a caller, who holds no lease. */
        static Ended of(Task t) {
            return new Ended(
                    t.id(),
                    t.organizationId(),
                    t.workflowExecutionId(),
                    t.queueName(),
                    t.attempt(),
                    t.leaseOwner(),
                    t.startedAt());
        }
    }

    private final Database db;
    private final Stores stores;

    Attempts(Database db, Stores stores) {
        this.db = db;
        this.stores = stores;
    }

    Instant now() {
        return stores.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Records these attempts as ended now with {@code status}, each with its task's outcome: the one writer of attempt rows. */
    void record(Handle h, List<Ended> ended, ExecutionStatus status, Function<UUID, TaskOutcome> outcomeOf) {
        if (ended.isEmpty()) {
            return;
        }
        Instant at = now();
        List<Object[]> rows = new ArrayList<>(ended.size());
        for (Ended e : ended) {
            Instant started = e.startedAt() == null || e.startedAt().isAfter(at) ? at : e.startedAt();
            TaskOutcome outcome = outcomeOf.apply(e.taskId());
            rows.add(new Object[] {
                Uuids.v7(at),
                e.organizationId(),
                e.taskId(),
                e.runId(),
                e.attempt(),
                status,
                e.worker(),
                outcome.result(),
                outcome.output(),
                outcome.errorMessage(),
                outcome.exitCode(),
                started,
                at,
                Duration.between(started, at).toMillis(),
                at,
                at
            });
        }
        try {
            db.dialect().bulkLoader().load(h.getConnection(), "task_executions", COLUMNS, rows);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
