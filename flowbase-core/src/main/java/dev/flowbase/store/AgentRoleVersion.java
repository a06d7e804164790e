package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A published version of an agent role: an immutable snapshot, readable after later versions. */
public record AgentRoleVersion(
        UUID id,
        UUID agentRoleId,
        int version,
        String systemPrompt,
        String model,
        JsonNode tools,
        JsonNode parameters,
        String changeNote,
        UUID createdBy,
        Instant createdAt) {}
