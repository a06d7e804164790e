package dev.flowbase.cache;

import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cache every server shares: one Redis key per entry ({@code <prefix>cache:<key>}) with its time
 * to live. Nothing is kept in this process, so a {@code DEL} on one server is seen by every other at
 * once. While Redis cannot be reached the cache is bypassed (every read goes to the stores), never
 * trusted stale; an invalidation that could not be sent is kept and sent when Redis answers again.
 */
public final class RedisCache implements Cache {
    private final RedisLink link;
    private final String prefix;
    private final Set<String> unsent = ConcurrentHashMap.newKeySet();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder invalidations = new LongAdder();
    private final LongAdder bypassed = new LongAdder();

    public RedisCache(RedisLink link) {
        this.link = link;
        this.prefix = link.prefix() + "cache:";
        link.onReconnect(redis -> {
            for (String key : unsent) {
                redis.del(prefix + key);
                unsent.remove(key);
            }
        });
    }

    @Override
    public Optional<String> get(String key) {
        String value = link.call(redis -> Optional.ofNullable(redis.get(prefix + key)), () -> {
                    bypassed.increment();
                    return Optional.<String>empty();
                })
                .orElse(null);
        (value == null ? misses : hits).increment();
        return Optional.ofNullable(value);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        if (unsent.contains(key)) {
            return; // an invalidation of this key is still on its way: do not write over it
        }
        link.call(redis -> redis.set(prefix + key, value, SetArgs.Builder.px(ttl.toMillis())), () -> null);
    }

    @Override
    public void invalidate(String key) {
        invalidations.increment();
        link.call(redis -> redis.del(prefix + key), () -> {
            unsent.add(key);
            return null;
        });
    }

    @Override
    public CacheStats stats() {
        return new CacheStats(hits.sum(), misses.sum(), 0, invalidations.sum(), bypassed.sum());
    }
}
