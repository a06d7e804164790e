package dev.flowbase.search;

import dev.flowbase.queue.TaskRetention;
import java.util.Locale;
import java.util.Optional;

/**
 * A table retention may empty, with the column that dates its rows (indexed in every engine's
 * schema, so each batch finds its rows without a scan where the engine has the index) and the
 * condition that a row is done with: running work is never deleted.
 */
public enum RetentionTarget {
    LOGS("logs", "logs", "created_at", "1 = 1", "DELETE FROM logs"),
    AUDIT_LOG("audit_log", "audit_log", "created_at", "1 = 1", "DELETE FROM audit_log"),
    METRICS("metrics", "system_metrics", "recorded_at", "1 = 1", "DELETE FROM system_metrics"),
    TASK_EXECUTIONS(
            "task_executions",
            "task_executions",
            "created_at",
            "status NOT IN ('queued', 'running')",
            "DELETE FROM task_executions"),
    /**
     * Finished tasks, and only those whose workflow run (if any) has finished too. The queue deletes
     * them ({@link TaskRetention}): it is the one writer of {@code tasks}.
     */
    TASKS("tasks", "tasks", "created_at", TaskRetention.FINISHED, null),
    /**
     * Finished runs none of whose tasks is still to run. Their finished tasks are deleted through the
     * queue first, so that the run's delete reaches no task by cascade.
     */
    WORKFLOW_EXECUTIONS(
            "workflow_executions",
            "workflow_executions",
            "created_at",
            "status IN ('succeeded', 'failed', 'cancelled', 'timed_out') AND NOT EXISTS (SELECT 1 FROM tasks t"
                    + " WHERE t.workflow_execution_id = workflow_executions.id"
                    + " AND t.status NOT IN (<finishedStates>))",
            "DELETE FROM workflow_executions");

    private final String typed;
    private final String table;
    private final String timeColumn;
    private final String finished;
    private final String delete;

    RetentionTarget(String typed, String table, String timeColumn, String finished, String delete) {
        this.typed = typed;
        this.table = table;
        this.timeColumn = timeColumn;
        this.finished = finished;
        this.delete = delete;
    }

    /** As written in a policy and shown in reports: {@code logs}, {@code metrics}, {@code tasks}, … */
    public String typed() {
        return typed;
    }

    public String table() {
        return table;
    }

    public String timeColumn() {
        return timeColumn;
    }

    /** The condition that a row is finished with (no alias; the table's own columns). */
    String finished() {
        return finished;
    }

    /**
     * The start of this table's delete, its name written out (so that TaskOwnershipTest reads what
     * it deletes); null for {@code tasks}, which only the queue deletes.
     */
    String delete() {
        return delete;
    }

    public static Optional<RetentionTarget> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (RetentionTarget t : values()) {
            if (t.typed.equals(lower) || t.table.equals(lower)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
