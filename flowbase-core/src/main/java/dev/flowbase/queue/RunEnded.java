package dev.flowbase.queue;

import dev.flowbase.store.ExecutionStatus;
import java.util.UUID;

/**
 * A workflow run that ended because the last of its tasks ended, as the queue committed it.
 *
 * @param status how it ended: {@code failed} when a task failed, else {@code cancelled} when a task
 *     was cancelled, else {@code succeeded}
 * @param workflowVersion the published version it ran, or null
 */
public record RunEnded(
        UUID run, UUID organizationId, UUID workflowId, Integer workflowVersion, ExecutionStatus status) {}
