package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A tenant: everything org-owned references one. */
public record Organization(
        UUID id, String name, String slug, Status status, JsonNode settings, Instant createdAt, Instant updatedAt)
        implements Listed {

    public enum Status {
        ACTIVE,
        SUSPENDED
    }

    public Organization withName(String newName) {
        return new Organization(id, newName, slug, status, settings, createdAt, updatedAt);
    }

    public Organization withStatus(Status newStatus) {
        return new Organization(id, name, slug, newStatus, settings, createdAt, updatedAt);
    }
}
