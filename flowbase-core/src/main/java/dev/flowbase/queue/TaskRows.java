package dev.flowbase.queue;

import static dev.flowbase.store.TaskStatus.CANCELLED;
import static dev.flowbase.store.TaskStatus.DEAD;
import static dev.flowbase.store.TaskStatus.PENDING;
import static dev.flowbase.store.TaskStatus.READY;
import static dev.flowbase.store.TaskStatus.SUCCEEDED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.db.Database;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.NotFoundException;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.util.Json;
import dev.flowbase.util.Uuids;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The birth of tasks, the table's moves from nothing: the {@code tasks} row, its edges to the
 * tasks it waits for, and what the table names for its first state (the ready set, the run's
 * counters). One at a time with parents, or many without in bulk (COPY on PostgreSQL).
 */
final class TaskRows {
    private static final List<String> COLUMNS = List.of(
            "id",
            "organization_id",
            "workflow_id",
            "workflow_execution_id",
            "agent_role_id",
            "name",
            "description",
            "type",
            "status",
            "priority",
            "parameters",
            "environment",
            "execution_order",
            "max_retries",
            "timeout_seconds",
            "queue_name",
            "run_at",
            "idempotency_key",
            "pending_parents",
            "error_message",
            "completed_at",
            "lock_version",
            "created_at",
            "updated_at");

    private final Database db;
    private final Effects effects;
    private final String insert;

    TaskRows(Database db, Effects effects) {
        this.db = db;
        this.effects = effects;
        this.insert = "INSERT INTO tasks ("
                + COLUMNS.stream().map(db.dialect()::quoteIdentifier).collect(Collectors.joining(", ")) + ") VALUES ("
                + COLUMNS.stream().map(c -> ":c" + COLUMNS.indexOf(c)).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Adds a task that waits for {@code dependsOn} (all must exist, references checked by the
     * caller): pending while some have not succeeded, ready when it waits for nothing, cancelled
     * (skipped) at once when one of them is dead or cancelled. Returns it as written.
     */
    Task insert(Handle h, UUID id, NewTask task, Collection<UUID> dependsOn) {
        Instant now = effects.now();
        int waitingFor = 0;
        Task skippedBecause = null;
        for (UUID parent : new LinkedHashSet<>(dependsOn)) {
            Task p = Queue.find(db, h, parent).orElseThrow(() -> new NotFoundException("task", parent));
            waitingFor += p.status() == SUCCEEDED ? 0 : 1;
            if (p.status() == DEAD || p.status() == CANCELLED) {
                skippedBecause = p;
            }
        }
        TaskStatus status = skippedBecause != null ? CANCELLED : waitingFor > 0 ? PENDING : READY;
        Object[] row = row(task, id, status, now);
        row[18] = status == PENDING ? waitingFor : 0;
        if (skippedBecause != null) {
            row[19] = Dag.reason(skippedBecause.id(), skippedBecause.status());
            row[20] = now;
        }
        var statement = h.createUpdate(insert);
        for (int i = 0; i < row.length; i++) {
            if (row[i] instanceof JsonNode json) {
                statement.bindByType("c" + i, json, JsonNode.class);
            } else {
                statement.bind("c" + i, row[i]);
            }
        }
        statement.execute();
        for (UUID parent : dependsOn) {
            h.createUpdate("INSERT INTO task_dependencies (id, task_id, depends_on_task_id, created_at)"
                            + " VALUES (:id, :task, :parent, :now)")
                    .bind("id", Uuids.v7(now))
                    .bind("task", id)
                    .bind("parent", parent)
                    .bind("now", now)
                    .execute();
        }
        Task born = Queue.read(db, h, id);
        effects.apply(h, Transitions.of(id, null, status), List.of(Attempts.Ended.of(born)), false, null);
        return born;
    }

    /** Inserts many tasks without dependencies, ready to run; returns how many. */
    int insertAll(Handle h, List<NewTask> tasks) {
        Instant now = effects.now();
        List<Object[]> rows = new ArrayList<>(tasks.size());
        List<Object[]> ready = new ArrayList<>(tasks.size());
        List<Attempts.Ended> born = new ArrayList<>(tasks.size());
        for (NewTask t : tasks) {
            Object[] r = row(t, Uuids.v7(now), READY, now);
            rows.add(r);
            // The columns of ReadySet.COLUMNS, read from the task's own row.
            ready.add(new Object[] {r[0], r[15], r[9], r[16], 0});
            born.add(new Attempts.Ended(
                    (UUID) r[0], t.organizationId(), t.workflowExecutionId(), t.queueName(), 0, null, null));
        }
        try {
            var loader = db.dialect().bulkLoader();
            int n = loader.load(h.getConnection(), "tasks", COLUMNS, rows);
            loader.load(h.getConnection(), "task_queue", ReadySet.COLUMNS, ready);
            // The ready rows are in: what is left of the table's row is the counters and the wake-up.
            effects.apply(h, Transitions.of(null, null, READY).without(Transitions.Effect.READY_IN), born, true, null);
            return n;
        } catch (SQLException e) {
            // Classified and worded like every other failure by the transaction around it.
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** The values of {@link #COLUMNS} for a new task. */
    private static Object[] row(NewTask t, UUID id, TaskStatus status, Instant now) {
        return new Object[] {
            id,
            t.organizationId(),
            t.workflowId(),
            t.workflowExecutionId(),
            t.agentRoleId(),
            t.name(),
            t.description(),
            t.type(),
            status,
            t.priority(),
            t.parameters() == null ? Json.emptyObject() : t.parameters(),
            Json.emptyObject(),
            t.executionOrder(),
            t.maxRetries(),
            t.timeoutSeconds(),
            t.queueName(),
            t.runAt() == null ? now : t.runAt(),
            t.idempotencyKey(),
            0,
            null,
            null,
            1,
            now,
            now
        };
    }
}
