package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.store.Stores;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.util.Uuids;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Every attempt of a task as a row of {@code task_executions}: started at claim, ended with its outcome. */
final class Attempts {
    private static final List<String> COLUMNS = List.of(
            "id",
            "organization_id",
            "task_id",
            "workflow_execution_id",
            "attempt",
            "status",
            "worker",
            "started_at",
            "created_at",
            "updated_at");

    private final Database db;
    private final Stores stores;

    Attempts(Database db, Stores stores) {
        this.db = db;
        this.stores = stores;
    }

    Instant now() {
        return stores.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    void start(Handle h, List<Lease> leases) {
        List<Object[]> rows = new ArrayList<>(leases.size());
        for (Lease l : leases) {
            Instant at = l.claimedAt();
            rows.add(new Object[] {
                Uuids.v7(at),
                l.task().organizationId(),
                l.taskId(),
                l.task().workflowExecutionId(),
                l.attempt(),
                "running",
                l.owner(),
                at,
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

    void finish(Handle h, Lease lease, String status, TaskOutcome outcome) {
        Instant at = now();
        h.createUpdate("UPDATE task_executions SET status = :status, result = :result, output = :output,"
                        + " error_message = :error, exit_code = :exitCode, completed_at = :at, duration_ms = :ms,"
                        + " updated_at = :at WHERE task_id = :task AND attempt = :attempt")
                .bind("status", status)
                .bindByType("result", outcome.result(), com.fasterxml.jackson.databind.JsonNode.class)
                .bind("output", outcome.output())
                .bind("error", outcome.errorMessage())
                .bind("exitCode", outcome.exitCode())
                .bind("at", at)
                .bind("ms", Math.max(0, Duration.between(lease.claimedAt(), at).toMillis()))
                .bind("task", lease.taskId())
                .bind("attempt", lease.attempt())
                .execute();
    }

    /** Ends the attempts of a batch that ended together; leases claimed together share one statement. */
    void finishAll(Handle h, List<Lease> leases, String status) {
        Instant at = now();
        java.util.Map<Instant, List<Lease>> byClaim =
                leases.stream().collect(java.util.stream.Collectors.groupingBy(Lease::claimedAt));
        for (var group : byClaim.entrySet()) {
            Fenced.bind(
                            h.createUpdate("UPDATE task_executions SET status = :status, completed_at = :at,"
                                    + " duration_ms = :ms, updated_at = :at WHERE (task_id, attempt) IN ("
                                    + Fenced.pairs(group.getValue().size()) + ")"),
                            group.getValue())
                    .bind("status", status)
                    .bind("at", at)
                    .bind("ms", Math.max(0, Duration.between(group.getKey(), at).toMillis()))
                    .execute();
        }
    }

    /** The running attempt of a cancelled task, if there is one, ends cancelled. */
    void cancelled(Handle h, UUID task) {
        Instant at = now();
        h.createUpdate("UPDATE task_executions SET status = 'cancelled', completed_at = :at, updated_at = :at"
                        + " WHERE task_id = :task AND status = 'running'")
                .bind("at", at)
                .bind("task", task)
                .execute();
    }

    void timedOut(Handle h, UUID task, int attempt) {
        Instant at = now();
        h.createUpdate("UPDATE task_executions SET status = 'timed_out', completed_at = :at, updated_at = :at,"
                        + " error_message = 'the lease expired' WHERE task_id = :task AND attempt = :attempt"
                        + " AND status = 'running'")
                .bind("at", at)
                .bind("task", task)
                .bind("attempt", attempt)
                .execute();
    }
}
