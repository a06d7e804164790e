package dev.flowbase.queue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The end of every task of an organization that is being erased ({@code flowbase org delete}):
 * through here, so that the queue stays the one writer of {@code tasks} and {@code task_queue}
 * (TaskOwnershipTest). Whatever state a task is in, it goes, with its queue row and its
 * dependencies on either side; the caller deletes the attempts ({@code task_executions}) first and
 * the workflows and runs after, all in its one transaction.
 */
public final class OrganizationTasks {
    private static final String OF_ORG = "(SELECT t.id FROM tasks t WHERE t.organization_id = :org)";

    private OrganizationTasks() {}

    /** Deletes the organization's tasks in the caller's transaction; returns the rows deleted per table. */
    public static Map<String, Integer> erase(Handle h, UUID organizationId) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        deleted.put(
                "task_queue",
                h.createUpdate("DELETE FROM task_queue WHERE task_id IN " + OF_ORG)
                        .bind("org", organizationId)
                        .execute());
        deleted.put(
                "task_dependencies",
                h.createUpdate("DELETE FROM task_dependencies WHERE task_id IN " + OF_ORG + " OR depends_on_task_id IN "
                                + OF_ORG)
                        .bind("org", organizationId)
                        .execute());
        deleted.put(
                "tasks",
                h.createUpdate("DELETE FROM tasks WHERE organization_id = :org")
                        .bind("org", organizationId)
                        .execute());
        return deleted;
    }
}
