package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A workflow definition (the editable draft) and its metadata; {@code version} is the latest
 * published version (null until the first is published).
 */
public record Workflow(
        UUID id,
        UUID organizationId,
        String name,
        String description,
        String type,
        Status status,
        int priority,
        JsonNode definition,
        JsonNode configuration,
        JsonNode environmentVariables,
        JsonNode tags,
        Integer version,
        JsonNode metadata,
        UUID createdBy,
        UUID parentWorkflowId,
        Instant scheduledAt,
        Instant startedAt,
        Instant completedAt,
        Integer timeoutSeconds,
        int lockVersion,
        Instant createdAt,
        Instant updatedAt)
        implements Listed, Versioned {

    public enum Status {
        DRAFT,
        ACTIVE,
        PAUSED,
        ARCHIVED
    }

    /** What a new workflow starts from; null fields take the schema's defaults. */
    public record New(
            UUID organizationId,
            String name,
            String description,
            String type,
            Integer priority,
            JsonNode definition,
            JsonNode tags,
            UUID createdBy) {

        public static New named(UUID organizationId, String name) {
            return new New(organizationId, name, null, null, null, null, null, null);
        }

        public New withDefinition(JsonNode newDefinition) {
            return new New(organizationId, name, description, type, priority, newDefinition, tags, createdBy);
        }
    }

    public Workflow withStatus(Status newStatus) {
        return new Workflow(
                id,
                organizationId,
                name,
                description,
                type,
                newStatus,
                priority,
                definition,
                configuration,
                environmentVariables,
                tags,
                version,
                metadata,
                createdBy,
                parentWorkflowId,
                scheduledAt,
                startedAt,
                completedAt,
                timeoutSeconds,
                lockVersion,
                createdAt,
                updatedAt);
    }

    public Workflow withDefinition(JsonNode newDefinition) {
        return new Workflow(
                id,
                organizationId,
                name,
                description,
                type,
                status,
                priority,
                newDefinition,
                configuration,
                environmentVariables,
                tags,
                version,
                metadata,
                createdBy,
                parentWorkflowId,
                scheduledAt,
                startedAt,
                completedAt,
                timeoutSeconds,
                lockVersion,
                createdAt,
                updatedAt);
    }

    public Workflow withDescription(String newDescription) {
        return new Workflow(
                id,
                organizationId,
                name,
                newDescription,
                type,
                status,
                priority,
                definition,
                configuration,
                environmentVariables,
                tags,
                version,
                metadata,
                createdBy,
                parentWorkflowId,
                scheduledAt,
                startedAt,
                completedAt,
                timeoutSeconds,
                lockVersion,
                createdAt,
                updatedAt);
    }
}
