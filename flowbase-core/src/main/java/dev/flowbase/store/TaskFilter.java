package dev.flowbase.store;

import java.util.UUID;

/**
 * Which tasks to list: of an organization, optionally in one status and one workflow. Each
 * combination is served by an index ending in {@code created_at}.
 */
public record TaskFilter(UUID organizationId, TaskStatus status, UUID workflowId) {
    public TaskFilter {
        Checks.required("organizationId", organizationId);
    }

    public static TaskFilter of(UUID organizationId) {
        return new TaskFilter(organizationId, null, null);
    }

    public TaskFilter withStatus(TaskStatus newStatus) {
        return new TaskFilter(organizationId, newStatus, workflowId);
    }

    public TaskFilter inWorkflow(UUID workflow) {
        return new TaskFilter(organizationId, status, workflow);
    }
}
