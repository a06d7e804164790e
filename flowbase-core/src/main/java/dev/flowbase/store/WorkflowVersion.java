package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A published version of a workflow: immutable; a run pins the one it started with. */
public record WorkflowVersion(
        UUID id,
        UUID workflowId,
        int version,
        JsonNode definition,
        JsonNode configuration,
        String changeNote,
        UUID createdBy,
        Instant createdAt) {}
