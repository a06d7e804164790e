package dev.flowbase.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** The buckets of one process, on an injected clock of nanoseconds. */
public final class LocalRateLimits implements RateLimits {
    private static final int MAX_BUCKETS = 100_000;

    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public LocalRateLimits(LongSupplier nanos) {
        this.nanos = nanos;
    }

    @Override
    public double take(String name, double perSecond, double burst) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear(); // bounded memory under a flood of addresses; they start again full
        }
        Bucket b = buckets.computeIfAbsent(name, k -> new Bucket(burst, nanos.getAsLong()));
        synchronized (b) {
            long now = nanos.getAsLong();
            b.tokens = Math.min(burst, b.tokens + (now - b.at) / 1e9 * perSecond);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return (1 - b.tokens) / perSecond;
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
