package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A registered part of the installation (a server, a worker, a cache) and its health. */
public record Component(
        UUID id,
        String name,
        String type,
        Status status,
        Health health,
        String version,
        JsonNode configuration,
        JsonNode endpoints,
        String healthCheckUrl,
        JsonNode healthDetails,
        JsonNode dependencies,
        JsonNode metadata,
        Instant lastHeartbeatAt,
        Instant lastHealthCheckAt,
        int lockVersion,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {
    /** The names of Flowbase's own components ({@code flowbase-migrations}, …): only Flowbase writes them. */
    public static final String FLOWBASE_PREFIX = "flowbase-";

    public enum Status {
        ACTIVE,
        INACTIVE,
        MAINTENANCE,
        RETIRED
    }

    public enum Health {
        HEALTHY,
        DEGRADED,
        UNHEALTHY,
        UNKNOWN
    }

    public Component withStatus(Status newStatus) {
        return new Component(
                id,
                name,
                type,
                newStatus,
                health,
                version,
                configuration,
                endpoints,
                healthCheckUrl,
                healthDetails,
                dependencies,
                metadata,
                lastHeartbeatAt,
                lastHealthCheckAt,
                lockVersion,
                createdAt,
                updatedAt);
    }
}
