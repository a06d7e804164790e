package dev.flowbase.gdpr;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What {@link OrganizationErasure#erase} did: the organization that is gone, when, the rows deleted
 * per table, and the rows elsewhere whose reference to it was anonymised (audit entries of other
 * organizations or of the installation that named one of its users or keys as their actor).
 *
 * @param keyHashes the deleted API keys' hashes by id, so that a server stops trusting them at once
 *     (it finds a key it has cached by its hash, and the rows that held them are gone); never shown
 */
public record Erasure(
        UUID organizationId,
        String slug,
        Instant at,
        Map<String, Integer> deleted,
        int anonymised,
        Map<UUID, String> keyHashes) {
    public Erasure {
        deleted = Collections.unmodifiableMap(new LinkedHashMap<>(deleted));
        keyHashes = Map.copyOf(keyHashes);
    }

    /** Every row deleted, over all tables. */
    public long rows() {
        return deleted.values().stream().mapToLong(Integer::longValue).sum();
    }
}
