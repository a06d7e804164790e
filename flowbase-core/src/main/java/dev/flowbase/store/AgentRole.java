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
        return toBuilder().systemPrompt(prompt).build();
    }

    public AgentRole withStatus(Status newStatus) {
        return toBuilder().status(newStatus).build();
    }

    public AgentRole withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A copy with some of the fields an update may change set anew; every other field (id, owner,
     * published version, times) as in the original.
     */
    public static final class Builder {
        private final AgentRole from;
        private String name;
        private String description;
        private String systemPrompt;
        private String model;
        private JsonNode tools;
        private JsonNode parameters;
        private JsonNode metadata;
        private Status status;

        private Builder(AgentRole from) {
            this.from = from;
            this.name = from.name;
            this.description = from.description;
            this.systemPrompt = from.systemPrompt;
            this.model = from.model;
            this.tools = from.tools;
            this.parameters = from.parameters;
            this.metadata = from.metadata;
            this.status = from.status;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder systemPrompt(String value) {
            this.systemPrompt = value;
            return this;
        }

        public Builder model(String value) {
            this.model = value;
            return this;
        }

        public Builder tools(JsonNode value) {
            this.tools = value;
            return this;
        }

        public Builder parameters(JsonNode value) {
            this.parameters = value;
            return this;
        }

        public Builder metadata(JsonNode value) {
            this.metadata = value;
            return this;
        }

        public Builder status(Status value) {
            this.status = value;
            return this;
        }

        public AgentRole build() {
            return new AgentRole(
                    from.id,
                    from.organizationId,
                    name,
                    description,
                    systemPrompt,
                    model,
                    tools,
                    parameters,
                    metadata,
                    status,
                    from.currentVersion,
                    from.createdBy,
                    from.lockVersion,
                    from.createdAt,
                    from.updatedAt);
        }
    }
}
