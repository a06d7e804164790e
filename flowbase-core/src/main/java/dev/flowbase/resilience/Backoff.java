package dev.flowbase.resilience;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pauses between attempts to reconnect: exponential up to a ceiling, with full jitter (a random
 * pause from zero to the exponential bound), so that many processes that lost the same server do
 * not all come back in the same instant.
 */
public record Backoff(Duration first, Duration ceiling) {
    public static final Backoff RECONNECT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));

    public Backoff {
        if (first.isNegative() || first.isZero() || ceiling.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "first=" + first + ", ceiling=" + ceiling + ": expected 0 < first <= ceiling");
        }
    }

    /** The largest pause after {@code failures} failures in a row (1 for the first). */
    public Duration bound(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > ceiling.toMillis() ? ceiling : Duration.ofMillis(millis);
    }

    /** A random pause from zero to {@link #bound(int)}. */
    public Duration pause(int failures) {
        return Duration.ofMillis(
                ThreadLocalRandom.current().nextLong(bound(failures).toMillis() + 1));
    }
}
