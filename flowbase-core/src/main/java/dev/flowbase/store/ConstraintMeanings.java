package dev.flowbase.store;

import dev.flowbase.db.DatabaseException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a broken constraint means to a user, whichever engine reported it. PostgreSQL and MariaDB
 * name the constraint; SQLite names a unique index by its columns and a foreign key not at all,
 * so unique indexes are known here by both, and a foreign key is described the same way everywhere.
 */
final class ConstraintMeanings {
    private record Unique(String name, String columns, String meaning) {}

    private static final Unique[] UNIQUE = {
        new Unique("uq_organizations_slug", "organizations.slug", "an organization with this slug already exists"),
        new Unique(
                "uq_users_organization_email",
                "users.organization_id, users.email",
                "a user with this email already exists in the organization"),
        new Unique("uq_api_keys_key_hash", "api_keys.key_hash", "an API key with this hash already exists"),
        new Unique(
                "uq_agent_roles_organization_name",
                "agent_roles.organization_id, agent_roles.name",
                "an agent role with this name already exists in the organization"),
        new Unique(
                "uq_agent_role_versions_agent_role_version",
                "agent_role_versions.agent_role_id, agent_role_versions.version",
                "this version of the agent role is already published"),
        new Unique(
                "uq_agent_role_dependencies_pair",
                "agent_role_dependencies.agent_role_id, agent_role_dependencies.depends_on_agent_role_id",
                "the agent role already depends on that role"),
        new Unique(
                "uq_workflow_versions_workflow_version",
                "workflow_versions.workflow_id, workflow_versions.version",
                "this version of the workflow is already published"),
        new Unique(
                "uq_tasks_organization_queue_idempotency_key",
                "tasks.organization_id, tasks.queue_name, tasks.idempotency_key",
                "a task with this idempotency key already exists in the queue"),
        new Unique(
                "uq_task_dependencies_pair",
                "task_dependencies.task_id, task_dependencies.depends_on_task_id",
                "the task already depends on that task"),
        new Unique(
                "uq_task_executions_task_attempt",
                "task_executions.task_id, task_executions.attempt",
                "this attempt of the task is already recorded"),
        new Unique(
                "uq_configurations_organization_key",
                "configurations.organization_id, configurations.key",
                "a configuration with this key already exists in the organization"),
        new Unique(
                "uq_configurations_global_key",
                "configurations.key",
                "an installation-wide configuration with this key already exists"),
        new Unique("uq_components_name", "components.name", "a component with this name already exists"),
    };

    private static final Map<String, Unique> BY_NAME = index(true);
    private static final Map<String, Unique> BY_COLUMNS = index(false);

    // PostgreSQL: constraint "x" / unique constraint "x"; MariaDB: for key 'x' or 'table.x', CONSTRAINT `x`.
    private static final Pattern NAMED =
            Pattern.compile("(?:constraint|key) [\"'`](?:\\w+\\.)?(\\w+)[\"'`]", Pattern.CASE_INSENSITIVE);
    // SQLite: UNIQUE constraint failed: t.a, t.b / CHECK constraint failed: ck_name.
    private static final Pattern SQLITE =
            Pattern.compile("constraint failed: ([\\w.]+(?:, [\\w.]+)*)", Pattern.CASE_INSENSITIVE);

    private ConstraintMeanings() {}

    static ConstraintViolationException describe(DatabaseException e) {
        String text = firstLine(e);
        return switch (e.kind()) {
            case UNIQUE_VIOLATION -> unique(text, e);
            case FOREIGN_KEY_VIOLATION ->
                new ConstraintViolationException(
                        "", "the change refers to a row that does not exist, or removes one that others refer to", e);
            case CHECK_VIOLATION -> check(text, e);
            default -> new ConstraintViolationException("", "a required value is missing", e);
        };
    }

    private static ConstraintViolationException unique(String text, DatabaseException e) {
        Unique u = null;
        Matcher named = NAMED.matcher(text);
        if (named.find()) {
            u = BY_NAME.get(named.group(1));
        }
        Matcher sqlite = SQLITE.matcher(text);
        if (u == null && sqlite.find()) {
            u = BY_COLUMNS.get(sqlite.group(1).strip());
        }
        if (u == null) {
            return new ConstraintViolationException("", "a row with the same id or unique values already exists", e);
        }
        return new ConstraintViolationException(u.name(), u.meaning(), e);
    }

    private static ConstraintViolationException check(String text, DatabaseException e) {
        Matcher m = NAMED.matcher(text);
        Matcher sqlite = SQLITE.matcher(text);
        String name = m.find() ? m.group(1) : sqlite.find() ? sqlite.group(1).strip() : "";
        if (!name.startsWith("ck_")) {
            return new ConstraintViolationException("", "a value is not acceptable to the schema", e);
        }
        return new ConstraintViolationException(name, "a value is not acceptable to the schema", e);
    }

    private static String firstLine(DatabaseException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                String text = sql.getMessage().strip();
                int newline = text.indexOf('\n');
                return newline < 0 ? text : text.substring(0, newline);
            }
        }
        return "";
    }

    private static Map<String, Unique> index(boolean byName) {
        var map = new HashMap<String, Unique>();
        for (Unique u : UNIQUE) {
            map.put(byName ? u.name() : u.columns(), u);
        }
        return Map.copyOf(map);
    }
}
