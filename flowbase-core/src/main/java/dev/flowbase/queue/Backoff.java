package dev.flowbase.queue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a failed task waits before its next attempt: {@code base × 2^retry}, capped, with up to
 * a fifth taken off at random so that tasks failed together do not come back together.
 */
public record Backoff(Duration base, Duration max) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofHours(1));

    /** The wait before retry number {@code retry + 1} (0 for the first retry). */
    public Duration after(int retry) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(retry, 30));
        return Duration.ofMillis(ceiling - ThreadLocalRandom.current().nextLong(ceiling / 5 + 1));
    }
}
