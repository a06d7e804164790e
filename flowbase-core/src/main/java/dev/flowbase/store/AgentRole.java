package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * An AI agent's role: its prompt, model and tools, editable as a draft; {@code currentVersion} is
 * the published version in effect (null until the first is published).
 */
public record AgentRole(
        UUID id,
        UUID organizationId,
        String name,
        String description,
        String systemPrompt,
        String model,
        JsonNode tools,
        JsonNode parameters,
        JsonNode metadata,
        Status status,
        Integer currentVersion,
        UUID createdBy,
        int lockVersion,
        Instant createdAt,
        Instant updatedAt)
        implements Listed, Versioned {

    public enum Status {
        DRAFT,
        ACTIVE,
        DEPRECATED,
        ARCHIVED
    }

    /** What a new role starts from; null JSON fields start empty. */
    public record New(
            UUID organizationId,
            String name,
            String description,
            String systemPrompt,
            String model,
            JsonNode tools,
            JsonNode parameters,
            UUID createdBy) {}

    public AgentRole withSystemPrompt(String prompt) {
        return new AgentRole(
                id,
                organizationId,
                name,
                description,
                prompt,
                model,
                tools,
                parameters,
                metadata,
                status,
                currentVersion,
                createdBy,
                lockVersion,
                createdAt,
                updatedAt);
    }

    public AgentRole withStatus(Status newStatus) {
        return new AgentRole(
                id,
                organizationId,
                name,
                description,
                systemPrompt,
                model,
                tools,
                parameters,
                metadata,
                newStatus,
                currentVersion,
                createdBy,
                lockVersion,
                createdAt,
                updatedAt);
    }

    public AgentRole withModel(String newModel) {
        return new AgentRole(
                id,
                organizationId,
                name,
                description,
                systemPrompt,
                newModel,
                tools,
                parameters,
                metadata,
                status,
                currentVersion,
                createdBy,
                lockVersion,
                createdAt,
                updatedAt);
    }
}
