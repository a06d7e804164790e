package dev.flowbase.server.http.routes;

import dev.flowbase.cache.Cache;
import dev.flowbase.util.Json;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Published versions (of workflows, of agent roles) in the shared cache: a published version never
 * changes, so a cached one is never stale while its parent exists; deleting the parent drops every
 * version of it. Keys hold the organization, so a caller only ever finds its own organization's.
 */
final class PublishedVersions {
    static final Duration TTL = Duration.ofMinutes(10);

    private final Cache cache;
    private final String kind;

    PublishedVersions(Cache cache, String kind) {
        this.cache = cache;
        this.kind = kind;
    }

    <T> T get(UUID organization, UUID parent, int version, Class<T> type, Supplier<T> load) {
        String key = key(organization, parent, version);
        Optional<String> cached = cache.get(key);
        if (cached.isPresent()) {
            return Json.MAPPER.convertValue(Json.read(cached.get()), type);
        }
        T loaded = load.get();
        cache.put(key, Json.write(loaded), TTL);
        return loaded;
    }

    /** Drops the versions numbered {@code numbers}: the parent is being deleted. */
    void forget(UUID organization, UUID parent, Iterable<Integer> numbers) {
        numbers.forEach(n -> cache.invalidate(key(organization, parent, n)));
    }

    private String key(UUID organization, UUID parent, int version) {
        return kind + "-version:" + organization + ":" + parent + ":" + version;
    }
}
