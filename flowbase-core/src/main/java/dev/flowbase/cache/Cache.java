package dev.flowbase.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * Text values by key, each for a while. A value may be gone at any time (evicted, expired, or the
 * cache unreachable): callers read through to the stores when {@link #get} is empty. Invalidation
 * reaches every server that shares the cache before the call returns.
 */
public interface Cache {
    Optional<String> get(String key);

    void put(String key, String value, Duration ttl);

    /** Forgets the key everywhere; a write through the stores calls this for every key it touches. */
    void invalidate(String key);

    CacheStats stats();
}
