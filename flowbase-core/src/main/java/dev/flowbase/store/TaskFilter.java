package dev.flowbase.store;

import java.util.UUID;

/**
 * Which tasks to list: of an organization, optionally in one status, one workflow and one queue. Each
 * combination is served by an index ending in {@code created_at}.
 */
public record TaskFilter(UUID organizationId, TaskStatus status, UUID workflowId, String queueName) {
    public TaskFilter {
        Checks.required("organizationId", organizationId);
    }

    public static TaskFilter of(UUID organizationId) {
        return new TaskFilter(organizationId, null, null, null);
    }

    public TaskFilter withStatus(TaskStatus newStatus) {
        return new TaskFilter(organizationId, newStatus, workflowId, queueName);
    }

    public TaskFilter inWorkflow(UUID workflow) {
        return new TaskFilter(organizationId, status, workflow, queueName);
    }

    public TaskFilter inQueue(String queue) {
        return new TaskFilter(organizationId, status, workflowId, queue);
    }
}
