package dev.flowbase.resilience;

import java.time.Duration;

/**
 * When the database's circuit breaker opens and for how long: it opens when at least
 * {@code failureRatePercent} of the last {@code window} calls failed to reach the database (or,
 * with {@code slowCall} above zero, took longer than that), once {@link #minimumCalls()} were made;
 * it then refuses calls for {@code openWait}, lets a few through to probe, and closes when they succeed.
 *
 * @param slowCall a call that takes longer counts as failed; zero counts no call as slow
 */
public record BreakerSettings(int failureRatePercent, int window, Duration openWait, Duration slowCall) {
    public static final int DEFAULT_FAILURE_RATE_PERCENT = 50;
    public static final int DEFAULT_WINDOW = 10;
    public static final Duration DEFAULT_OPEN_WAIT = Duration.ofSeconds(5);
    public static final BreakerSettings DEFAULTS =
            new BreakerSettings(DEFAULT_FAILURE_RATE_PERCENT, DEFAULT_WINDOW, DEFAULT_OPEN_WAIT, Duration.ZERO);
    /** Calls let through while half open; all must succeed to close. */
    static final int PROBES = 2;

    public BreakerSettings {
        if (failureRatePercent < 1 || failureRatePercent > 100) {
            throw new IllegalArgumentException(
                    "failureRatePercent=" + failureRatePercent + ": expected a percentage from 1 to 100");
        }
        if (window < 1) {
            throw new IllegalArgumentException("window=" + window + ": expected 1 or more calls");
        }
        if (openWait.isNegative() || openWait.isZero() || slowCall.isNegative()) {
            throw new IllegalArgumentException("openWait=" + openWait + ", slowCall=" + slowCall
                    + ": expected a positive wait and a slow-call limit of zero or more");
        }
    }

    /** Calls the window must hold before the rate counts: half the window, so one early failure cannot open it. */
    public int minimumCalls() {
        return Math.max(1, window / 2);
    }
}
