package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * An API key as stored: only the SHA-256 of the key and its first characters, never the key.
 *
 * @param keyPrefix the first characters, for people to recognise a key in lists
 */
public record ApiKey(
        UUID id,
        UUID organizationId,
        String name,
        String keyHash,
        String keyPrefix,
        AccessRole accessRole,
        JsonNode scopes,
        UUID createdBy,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant createdAt,
        Instant updatedAt)
        implements Listed {

    /** Whether the key may be used at {@code now}: not revoked, not expired. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** A key just created, and its secret: shown once, never stored. */
    public record Created(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "Created[key=" + key.id() + ", secret=****]";
        }
    }
}
