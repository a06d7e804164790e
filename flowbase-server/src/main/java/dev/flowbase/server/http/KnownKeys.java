package dev.flowbase.server.http;

import dev.flowbase.store.ApiKey;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys this server found usable in the database, kept to answer while the database cannot be
 * asked (stale-if-error): {@code /metrics} needs a key of the installation's organization, and it
 * must still show the open circuit breaker during the outage it reports. Only within
 * {@link #STALE_IF_ERROR} of the key's last successful look-up, never past its expiry, and never
 * after this server heard of its revocation. Nothing that needs the database is served meanwhile.
 */
final class KnownKeys {
    static final Duration STALE_IF_ERROR = Duration.ofMinutes(15);
    private static final int MAX = 10_000;

    private record Seen(ApiKey key, Instant at) {}

    private final Map<String, Seen> byHash = new ConcurrentHashMap<>();
    private final InstantSource clock;

    KnownKeys(InstantSource clock) {
        this.clock = clock;
    }

    void remember(String hash, ApiKey key) {
        if (byHash.size() >= MAX) {
            byHash.clear(); // a bound, not a policy: the next look-ups fill it again
        }
        byHash.put(hash, new Seen(key, clock.instant()));
    }

    Optional<ApiKey> recall(String hash) {
        Seen seen = byHash.get(hash);
        Instant now = clock.instant();
        if (seen == null
                || seen.at().plus(STALE_IF_ERROR).isBefore(now)
                || !seen.key().usableAt(now)) {
            return Optional.empty();
        }
        return Optional.of(seen.key());
    }

    void forget(UUID keyId) {
        byHash.values().removeIf(s -> s.key().id().equals(keyId));
    }
}
