package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One attempt of a task: who ran it, when, how long, and how it ended. */
public record TaskExecution(
        UUID id,
        UUID organizationId,
        UUID taskId,
        UUID workflowExecutionId,
        int attempt,
        ExecutionStatus status,
        String worker,
        JsonNode result,
        String output,
        String errorMessage,
        Integer exitCode,
        Instant startedAt,
        Instant completedAt,
        Long durationMs,
        Instant createdAt,
        Instant updatedAt) {}
