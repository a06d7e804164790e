package dev.flowbase.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** The cache of one process: Caffeine, bounded, each entry with its own time to live. */
public final class LocalCache implements Cache {
    static final long MAX_ENTRIES = 100_000;

    private record Entry(String value, long ttlNanos) {}

    private final com.github.benmanes.caffeine.cache.Cache<String, Entry> entries;
    private final LongAdder invalidations = new LongAdder();

    /** @param nanos a clock of nanoseconds, injected so tests move time instead of waiting */
    public LocalCache(LongSupplier nanos) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .ticker(nanos::getAsLong)
                .executor(Runnable::run)
                .expireAfter(Expiry.<String, Entry>writing((k, e) -> Duration.ofNanos(e.ttlNanos())))
                .recordStats()
                .build();
    }

    public LocalCache() {
        this(System::nanoTime);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.getIfPresent(key)).map(Entry::value);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, ttl.toNanos()));
    }

    @Override
    public void invalidate(String key) {
        entries.invalidate(key);
        invalidations.increment();
    }

    /** Forgets everything: what a server does when it may have missed invalidations. */
    public void clear() {
        entries.invalidateAll();
    }

    @Override
    public CacheStats stats() {
        var s = entries.stats();
        return new CacheStats(s.hitCount(), s.missCount(), s.evictionCount(), invalidations.sum(), 0);
    }
}
