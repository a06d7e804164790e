package dev.flowbase.config;

import java.time.Duration;

/** Connection pool limits; validated by the loader, re-checked here so a hand-made value cannot be wrong. */
public record PoolSettings(int maxSize, int minIdle, Duration idleTimeout, Duration connectionTimeout) {
    public static final int DEFAULT_MAX = 10;
    public static final int DEFAULT_MIN = 2;

    public PoolSettings {
        if (maxSize < 1 || minIdle < 0 || minIdle > maxSize) {
            throw new IllegalArgumentException(
                    "pool sizes must satisfy 0 <= min <= max and max >= 1, got min=" + minIdle + " max=" + maxSize);
        }
    }

    public PoolSettings withMaxSize(int max) {
        return new PoolSettings(max, Math.min(minIdle, max), idleTimeout, connectionTimeout);
    }

    public static PoolSettings defaults() {
        return new PoolSettings(DEFAULT_MAX, DEFAULT_MIN, Duration.ofSeconds(30), Duration.ofSeconds(10));
    }
}
