package dev.flowbase.store;

import java.time.Instant;
import java.util.UUID;

/** A person of an organization. Emails are kept lower case, so uniqueness ignores case. */
public record User(
        UUID id,
        UUID organizationId,
        String email,
        String name,
        AccessRole accessRole,
        Status status,
        Instant createdAt,
        Instant updatedAt)
        implements Listed {

    public enum Status {
        INVITED,
        ACTIVE,
        DISABLED
    }

    public User withAccessRole(AccessRole role) {
        return new User(id, organizationId, email, name, role, status, createdAt, updatedAt);
    }

    public User withStatus(Status newStatus) {
        return new User(id, organizationId, email, name, accessRole, newStatus, createdAt, updatedAt);
    }
}
