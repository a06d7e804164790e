package dev.flowbase.search;

import java.util.Locale;
import java.util.Optional;

/**
 * A table retention may empty, with the column that dates its rows (indexed in every engine's
 * schema, so each batch finds its rows without a scan where the engine has the index) and the
 * condition that a row is done with: running work is never deleted.
 */
public enum RetentionTarget {
    LOGS("logs", "logs", "created_at", "1 = 1"),
    AUDIT_LOG("audit_log", "audit_log", "created_at", "1 = 1"),
    METRICS("metrics", "system_metrics", "recorded_at", "1 = 1"),
    TASK_EXECUTIONS("task_executions", "task_executions", "created_at", "status NOT IN ('queued', 'running')"),
    /** Finished tasks, and only those whose workflow run (if any) has finished too. */
    TASKS(
            "tasks",
            "tasks",
            "created_at",
            "status IN ('succeeded', 'failed', 'cancelled', 'dead') AND (workflow_execution_id IS NULL"
                    + " OR workflow_execution_id NOT IN (SELECT r.id FROM workflow_executions r"
                    + " WHERE r.status IN ('queued', 'running')))"),
    /** Finished runs; their tasks go with them (ON DELETE CASCADE). */
    WORKFLOW_EXECUTIONS(
            "workflow_executions",
            "workflow_executions",
            "created_at",
            "status IN ('succeeded', 'failed', 'cancelled', 'timed_out')");

    private final String typed;
    private final String table;
    private final String timeColumn;
    private final String finished;

    RetentionTarget(String typed, String table, String timeColumn, String finished) {
        this.typed = typed;
        this.table = table;
        this.timeColumn = timeColumn;
        this.finished = finished;
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
