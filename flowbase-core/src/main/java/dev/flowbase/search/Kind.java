package dev.flowbase.search;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What search finds, one table each, with the columns its index covers (in the order migration V4
 * indexed them: the PostgreSQL index is on exactly that expression) and the filters that apply to
 * it. A query with a filter that a kind does not have leaves that kind out: {@code level:error}
 * finds log lines only.
 */
public enum Kind {
    LOG(
            "logs",
            "component",
            List.of("component", "message", "context"),
            "workflow_id",
            "task_id",
            Set.of(Field.LEVEL, Field.WORKFLOW, Field.TASK)),
    TASK(
            "tasks",
            "name",
            List.of("name", "description", "error_message"),
            "workflow_id",
            "id",
            Set.of(Field.STATUS, Field.QUEUE, Field.WORKFLOW, Field.TASK)),
    EXECUTION(
            "task_executions",
            "worker",
            List.of("error_message", "output"),
            null,
            "task_id",
            Set.of(Field.STATUS, Field.TASK)),
    WORKFLOW("workflows", "name", List.of("name", "description"), "id", null, Set.of(Field.STATUS, Field.WORKFLOW)),
    /** Who changed what: the action, the entity and the actor's label (not the before and after). */
    AUDIT("audit_log", "action", List.of("action", "entity_type", "entity_id", "actor_label"), null, null, Set.of());

    /** The filters of the query language, by the name typed before the colon. */
    public enum Field {
        KIND,
        LEVEL,
        STATUS,
        QUEUE,
        WORKFLOW,
        TASK,
        SINCE,
        UNTIL;

        public String typed() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String table;
    private final String titleColumn;
    private final List<String> textColumns;
    private final String workflowColumn;
    private final String taskColumn;
    private final Set<Field> filters;

    Kind(
            String table,
            String titleColumn,
            List<String> textColumns,
            String workflowColumn,
            String taskColumn,
            Set<Field> filters) {
        this.table = table;
        this.titleColumn = titleColumn;
        this.textColumns = textColumns;
        this.workflowColumn = workflowColumn;
        this.taskColumn = taskColumn;
        this.filters = filters;
    }

    public String table() {
        return table;
    }

    public String titleColumn() {
        return titleColumn;
    }

    /** The indexed text columns, in index order. */
    public List<String> textColumns() {
        return textColumns;
    }

    public Optional<String> workflowColumn() {
        return Optional.ofNullable(workflowColumn);
    }

    public Optional<String> taskColumn() {
        return Optional.ofNullable(taskColumn);
    }

    /**
     * Whether {@code column} holds JSON, indexed as its text (keys and values): the log lines'
     * structured fields.
     */
    public boolean isJson(String column) {
        return this == LOG && column.equals("context");
    }

    /** Whether {@code field} narrows this kind (SINCE, UNTIL and KIND apply to every kind). */
    public boolean has(Field field) {
        return field == Field.SINCE || field == Field.UNTIL || field == Field.KIND || filters.contains(field);
    }

    /** {@code log}, {@code task}, {@code execution}, {@code workflow}: as typed after {@code kind:}. */
    public String typed() {
        return name().toLowerCase(Locale.ROOT);
    }
}
