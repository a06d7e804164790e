package dev.flowbase.search;

import dev.flowbase.queue.TaskRetention;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code db clean --archive} writes and deletes, table by table. {@code selections}: the rows
 * each table gives to the archive, children first (the order they are deleted in), including what
 * a delete takes by cascade: a task's attempts, dependencies and queue row, a run's tasks and
 * attempts. {@code deletes}: for each table a rule names, its rules' conditions (each with its own
 * cutoff), repeated by the delete so that a row that changed since the snapshot stays. A table
 * that no rule names (task_queue, task_dependencies) is archived and left to the cascade.
 */
record ArchivePlan(Map<String, RetentionSql> selections, Map<String, RetentionSql> deletes) {
    private static final String[] CHILDREN_FIRST = {
        "logs",
        "audit_log",
        "system_metrics",
        "task_executions",
        "task_queue",
        "task_dependencies",
        "tasks",
        "workflow_executions"
    };

    static ArchivePlan of(RetentionPolicy policy, Instant now) {
        Map<String, RetentionSql> own = new LinkedHashMap<>();
        for (RetentionRule rule : policy.rules()) {
            RetentionSql where = RetentionSql.of(Retention.condition(rule, policy), Retention.binds(rule, policy, now));
            own.merge(rule.target().table(), where, RetentionSql::or);
        }
        RetentionSql runs = own.get("workflow_executions");
        RetentionSql tasks = own.get("tasks");
        if (runs != null) {
            RetentionSql finished = RetentionSql.of(
                    "status IN (<finishedStates>)", Map.of("finishedStates", TaskRetention.FINISHED_STATES));
            tasks = RetentionSql.or(
                    tasks,
                    runs.wrap("workflow_execution_id IN (SELECT id FROM workflow_executions WHERE ", ") AND ")
                            .then("", finished));
        }
        Map<String, RetentionSql> all = new LinkedHashMap<>();
        for (String table : CHILDREN_FIRST) {
            RetentionSql where = own.get(table);
            if (tasks != null && !table.equals("tasks") && table.startsWith("task_")) {
                RetentionSql ofTasks = tasks.wrap("task_id IN (SELECT id FROM tasks WHERE ", ")");
                if (table.equals("task_dependencies")) {
                    ofTasks =
                            ofTasks.then(" OR ", tasks.wrap("depends_on_task_id IN (SELECT id FROM tasks WHERE ", ")"));
                }
                where = RetentionSql.or(where, ofTasks);
            }
            if (runs != null && table.equals("task_executions")) {
                where = RetentionSql.or(
                        where, runs.wrap("workflow_execution_id IN (SELECT id FROM workflow_executions WHERE ", ")"));
            }
            if (table.equals("tasks")) {
                where = tasks;
            }
            if (where != null) {
                all.put(table, where);
            }
        }
        own.remove("tasks"); // the queue deletes tasks, by id, if they are finished (TaskRetention)
        return new ArchivePlan(all, own);
    }
}
