package dev.flowbase.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A setting, installation-wide ({@code organizationId} null) or of one organization. A sensitive
 * value is stored encrypted and read back masked ({@code ****}); {@link ConfigurationStore#reveal}
 * returns it in clear, and is audited.
 */
public record Configuration(
        UUID id,
        UUID organizationId,
        String key,
        String value,
        Type type,
        String description,
        boolean isSensitive,
        int lockVersion,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    public enum Type {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        JSON
    }

    Configuration withValue(String newValue) {
        return new Configuration(
                id, organizationId, key, newValue, type, description, isSensitive, lockVersion, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "Configuration[" + key + "=" + (isSensitive ? Auditor.MASK : value) + "]";
    }
}
