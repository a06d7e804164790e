package dev.flowbase.config;

import java.time.Duration;

/** Connection pool limits; validated by the loader, re-checked here so a hand-made value cannot be wrong. */
public record PoolSettings(int maxSize, int minIdle, Duration idleTimeout, Duration connectionTimeout) {
    public PoolSettings {
        if (maxSize < 1 || minIdle < 0 || minIdle > maxSize) {
            throw new IllegalArgumentException(
                    "pool sizes must satisfy 0 <= min <= max and max >= 1, got min=" + minIdle + " max=" + maxSize);
        }
    }

    public PoolSettings withMaxSize(int max) {
        return new PoolSettings(max, Math.min(minIdle, max), idleTimeout, connectionTimeout);
    }

    /** The settings' own defaults (see {@link Setting}). */
    public static PoolSettings defaults() {
        return new PoolSettings(
                Settings.POOL_MAX.defaultValue().orElseThrow(),
                Settings.POOL_MIN.defaultValue().orElseThrow(),
                Duration.ofMillis(Settings.IDLE_TIMEOUT.defaultValue().orElseThrow()),
                Duration.ofMillis(Settings.CONNECTION_TIMEOUT.defaultValue().orElseThrow()));
    }
}
