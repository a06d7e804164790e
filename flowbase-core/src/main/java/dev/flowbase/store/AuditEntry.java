package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A row of the audit log: who did what to which entity, with the entity before and after (secrets masked). */
public record AuditEntry(
        UUID id,
        UUID organizationId,
        Actor.Type actorType,
        UUID actorUserId,
        UUID actorApiKeyId,
        String actorLabel,
        String action,
        String entityType,
        String entityId,
        JsonNode beforeData,
        JsonNode afterData,
        String ipAddress,
        String userAgent,
        String requestId,
        Instant createdAt)
        implements Listed {}
