package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One run of a workflow. {@code workflowVersion} is the published version it started with (null
 * when the workflow had none): later versions never change what a run runs.
 */
public record WorkflowExecution(
        UUID id,
        UUID organizationId,
        UUID workflowId,
        Integer workflowVersion,
        int attempt,
        ExecutionStatus status,
        String worker,
        UUID triggeredBy,
        JsonNode input,
        JsonNode result,
        String output,
        String errorMessage,
        JsonNode metadata,
        Instant startedAt,
        Instant completedAt,
        Long durationMs,
        Instant createdAt,
        Instant updatedAt)
        implements Listed {}
