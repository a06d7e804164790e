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

    private final LongSupplier nanos;
    /**
     * Made on first use: Caffeine's set-up (some 70 classes) is not on the way to a server's first
     * answer, and most of its caches wait for the first signed-in request (bench/RESULTS.md, start-up).
     */
    private volatile com.github.benmanes.caffeine.cache.Cache<String, Entry> entries;

    private final LongAdder invalidations = new LongAdder();

    /** @param nanos a clock of nanoseconds, injected so tests move time instead of waiting */
    public LocalCache(LongSupplier nanos) {
        this.nanos = nanos;
    }

    private com.github.benmanes.caffeine.cache.Cache<String, Entry> entries() {
        var made = entries;
        if (made == null) {
            synchronized (this) {
                made = entries;
                if (made == null) {
                    made = Caffeine.newBuilder()
                            .maximumSize(MAX_ENTRIES)
                            .ticker(nanos::getAsLong)
                            .executor(Runnable::run)
                            .expireAfter(Expiry.<String, Entry>writing((k, e) -> Duration.ofNanos(e.ttlNanos())))
                            .recordStats()
                            .build();
                    entries = made;
                }
            }
        }
        return made;
    }

    public LocalCache() {
        this(System::nanoTime);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries().getIfPresent(key)).map(Entry::value);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries().put(key, new Entry(value, ttl.toNanos()));
    }

    @Override
    public void invalidate(String key) {
        entries().invalidate(key);
        invalidations.increment();
    }

    /** Forgets everything: what a server does when it may have missed invalidations. */
    public void clear() {
        entries().invalidateAll();
    }

    @Override
    public CacheStats stats() {
        var s = entries().stats();
        return new CacheStats(s.hitCount(), s.missCount(), s.evictionCount(), invalidations.sum(), 0);
    }
}
