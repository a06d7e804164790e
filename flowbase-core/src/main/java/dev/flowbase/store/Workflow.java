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
        return toBuilder().status(newStatus).build();
    }

    public Workflow withDefinition(JsonNode newDefinition) {
        return toBuilder().definition(newDefinition).build();
    }

    public Workflow withDescription(String newDescription) {
        return toBuilder().description(newDescription).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A copy with some of the fields an update may change set anew; every other field (id, owner,
     * versions, times) as in the original, so an edit cannot move a workflow or forge its history.
     */
    public static final class Builder {
        private final Workflow from;
        private String name;
        private String description;
        private String type;
        private Status status;
        private int priority;
        private JsonNode definition;
        private JsonNode configuration;
        private JsonNode environmentVariables;
        private JsonNode tags;
        private JsonNode metadata;
        private Instant scheduledAt;
        private Integer timeoutSeconds;

        private Builder(Workflow from) {
            this.from = from;
            this.name = from.name;
            this.description = from.description;
            this.type = from.type;
            this.status = from.status;
            this.priority = from.priority;
            this.definition = from.definition;
            this.configuration = from.configuration;
            this.environmentVariables = from.environmentVariables;
            this.tags = from.tags;
            this.metadata = from.metadata;
            this.scheduledAt = from.scheduledAt;
            this.timeoutSeconds = from.timeoutSeconds;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder type(String value) {
            this.type = value;
            return this;
        }

        public Builder status(Status value) {
            this.status = value;
            return this;
        }

        public Builder priority(int value) {
            this.priority = value;
            return this;
        }

        public Builder definition(JsonNode value) {
            this.definition = value;
            return this;
        }

        public Builder configuration(JsonNode value) {
            this.configuration = value;
            return this;
        }

        public Builder environmentVariables(JsonNode value) {
            this.environmentVariables = value;
            return this;
        }

        public Builder tags(JsonNode value) {
            this.tags = value;
            return this;
        }

        public Builder metadata(JsonNode value) {
            this.metadata = value;
            return this;
        }

        public Builder scheduledAt(Instant value) {
            this.scheduledAt = value;
            return this;
        }

        public Builder timeoutSeconds(Integer value) {
            this.timeoutSeconds = value;
            return this;
        }

        public Workflow build() {
            return new Workflow(
                    from.id,
                    from.organizationId,
                    name,
                    description,
                    type,
                    status,
                    priority,
                    definition,
                    configuration,
                    environmentVariables,
                    tags,
                    from.version,
                    metadata,
                    from.createdBy,
                    from.parentWorkflowId,
                    scheduledAt,
                    from.startedAt,
                    from.completedAt,
                    timeoutSeconds,
                    from.lockVersion,
                    from.createdAt,
                    from.updatedAt);
        }
    }
}
