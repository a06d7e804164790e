package dev.flowbase.gdpr;

import dev.flowbase.backup.RowSelection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which rows of each Flowbase table belong to one organization, said once for the export and the
 * erasure: a table with {@code organization_id} by that column, a child table without one through
 * its parent. In foreign-key order (parents first), as an archive holds its tables. A test keeps
 * the two lists together equal to the schema's tables ({@code Stores.TABLE_OWNERS}).
 */
public final class TenantRows {
    /** A table and the condition over its own columns that picks the organization's rows ({@code ?}: its id). */
    public record Part(String table, String where) {
        /** The selection for {@code organizationId}: the id bound once for each {@code ?}. */
        public RowSelection of(UUID organizationId) {
            int marks = where.length() - where.replace("?", "").length();
            return new RowSelection(table, where, Collections.nCopies(marks, organizationId));
        }
    }

    private static final String OWN = "organization_id = ?";

    /** Every table holding an organization's rows, parents first. */
    public static final List<Part> PARTS = List.of(
            new Part("organizations", "id = ?"),
            new Part("users", OWN),
            new Part("api_keys", OWN),
            new Part("page_sessions", "api_key_id IN (SELECT k.id FROM api_keys k WHERE k.organization_id = ?)"),
            new Part("agent_roles", OWN),
            new Part("agent_role_versions", roleChild("agent_role_id")),
            new Part(
                    "agent_role_dependencies",
                    roleChild("agent_role_id") + " OR " + roleChild("depends_on_agent_role_id")),
            new Part("workflows", OWN),
            new Part("workflow_versions", "workflow_id IN (SELECT w.id FROM workflows w WHERE w.organization_id = ?)"),
            new Part("workflow_executions", OWN),
            new Part("tasks", OWN),
            new Part("task_dependencies", taskChild("task_id") + " OR " + taskChild("depends_on_task_id")),
            new Part("task_queue", taskChild("task_id")),
            new Part("task_executions", OWN),
            new Part("configurations", OWN),
            // A line Flowbase logged without an organization about one of its tasks or runs is its too.
            new Part(
                    "logs",
                    OWN + " OR " + taskChild("task_id")
                            + " OR workflow_id IN (SELECT w.id FROM workflows w WHERE w.organization_id = ?)"
                            + " OR workflow_execution_id IN (SELECT r.id FROM workflow_executions r"
                            + " WHERE r.organization_id = ?)"
                            + " OR task_execution_id IN (SELECT e.id FROM task_executions e WHERE e.organization_id = ?)"),
            new Part("audit_log", OWN));

    /** The installation's own tables: no organization's rows are in them (components, their metrics, seeds). */
    public static final Set<String> INSTALLATION_WIDE = Set.of("components", "system_metrics", "seed_runs");

    /**
     * Left out of an export: the admin page's sign-ins are live credentials of the moment, not the
     * organization's data. The erasure deletes them with their keys.
     */
    public static final Set<String> NOT_EXPORTED = Set.of("page_sessions");

    private TenantRows() {}

    /** The selections of an export of {@code organizationId}: every part but {@link #NOT_EXPORTED}. */
    public static List<RowSelection> exported(UUID organizationId) {
        return PARTS.stream()
                .filter(p -> !NOT_EXPORTED.contains(p.table()))
                .map(p -> p.of(organizationId))
                .toList();
    }

    private static String roleChild(String column) {
        return column + " IN (SELECT r.id FROM agent_roles r WHERE r.organization_id = ?)";
    }

    private static String taskChild(String column) {
        return column + " IN (SELECT t.id FROM tasks t WHERE t.organization_id = ?)";
    }
}
