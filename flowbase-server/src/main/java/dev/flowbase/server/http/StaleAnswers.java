package dev.flowbase.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowbase.cache.Cache;
import dev.flowbase.util.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/**
 * The last answer of each read that may be served stale ({@link Route#staleWhileDown}), kept in the
 * shared cache (in Redis: for every server) by organization and path, so that while the database's
 * breaker is open a client still reads what it read last, marked stale, instead of a 503. A write
 * through the same path drops the copy, so a deleted or changed row is not served as it was.
 */
final class StaleAnswers {
    /** How long a copy is kept: an outage longer than this answers 503 again. */
    static final Duration KEPT = Duration.ofMinutes(10);
    /** Says the answer was not read from the database; {@code Age} says how old it is. */
    static final String HEADER = "Flowbase-Stale";

    private static final String KEY = "stale:";

    /** A kept answer: when it was read, its ETag (when it had one), and its body. */
    record Copy(Instant readAt, String etag, JsonNode body) {
        long ageSeconds(Instant now) {
            return Math.max(0, Duration.between(readAt, now).toSeconds());
        }
    }

    private final Cache cache;
    private final InstantSource clock;

    StaleAnswers(Cache cache, InstantSource clock) {
        this.cache = cache;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Keeps {@code body} as the last answer at {@code path}. */
    void keep(UUID organization, String path, String etag, String body) {
        ObjectNode copy = Json.MAPPER.createObjectNode();
        copy.put("readAt", clock.instant().toEpochMilli());
        if (etag != null) {
            copy.put("etag", etag);
        }
        copy.set("body", Json.read(body));
        cache.put(key(organization, path), Json.write(copy), KEPT);
    }

    Optional<Copy> find(UUID organization, String path) {
        return cache.get(key(organization, path))
                .map(Json::read)
                .map(node -> new Copy(
                        Instant.ofEpochMilli(node.path("readAt").asLong()),
                        node.hasNonNull("etag") ? node.path("etag").asText() : null,
                        node.path("body")));
    }

    /** A change at {@code path} (PATCH, PUT, DELETE, POST) makes the kept answer wrong: it goes. */
    void forget(UUID organization, String path) {
        cache.invalidate(key(organization, path));
    }

    private static String key(UUID organization, String path) {
        return KEY + organization + ":" + path;
    }
}
