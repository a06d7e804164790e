package dev.flowbase.config;

import java.util.List;

/**
 * Where and how {@code flowbase serve} listens.
 *
 * @param rateLimit requests a second per API key or client address (0: no limit)
 * @param rateBurst how many requests a key or address may send at once before the limit bites
 * @param corsOrigins the origins a browser may call the API from; none (CORS off) by default
 * @param shutdownGraceMillis how long a stop waits for requests in flight before it closes them
 * @param reaperIntervalMillis how often the server returns tasks whose lease expired to their queue
 * @param logRetentionDays how many days of the logs table the server keeps (0: all)
 */
public record ServerSettings(
        String host,
        int port,
        boolean autoMigrate,
        int rateLimit,
        int rateBurst,
        int maxBodyBytes,
        List<String> corsOrigins,
        int shutdownGraceMillis,
        int reaperIntervalMillis,
        int logRetentionDays) {
    public ServerSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }
}
