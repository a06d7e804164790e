package dev.flowbase.db;

import java.time.Duration;

/**
 * How often a transaction that lost a deadlock or a serialization conflict is run again, and how
 * long to wait between runs (a random pause up to {@code baseBackoff × 2^(attempt-1)}, capped).
 *
 * @param maxAttempts runs in all, the first included; 1 turns retrying off
 */
public record RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff, Listener listener) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(5), Duration.ofMillis(200), Listener.NONE);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts=" + maxAttempts + ": expected 1 or more");
        }
    }

    public RetryPolicy withListener(Listener newListener) {
        return new RetryPolicy(maxAttempts, baseBackoff, maxBackoff, newListener);
    }

    /** Hears each retry, for metrics and tests; it must be quick. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (action, attempt, cause) -> {};

        void retrying(String action, int failedAttempt, DatabaseException cause);
    }
}
