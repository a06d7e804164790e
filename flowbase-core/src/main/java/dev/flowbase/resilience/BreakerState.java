package dev.flowbase.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The breaker at one moment, for status, metrics and the page.
 *
 * @param failureRatePercent of the calls in the window; -1 until it holds the minimum number
 * @param refused calls refused without trying since the process started
 * @param opened times it opened since the process started
 * @param since when it entered its state
 * @param retryAfter while open, how long until it lets probes through
 */
public record BreakerState(
        State state,
        double failureRatePercent,
        int calls,
        long refused,
        long opened,
        Instant since,
        Duration retryAfter) {

    /** The states a person reads about; resilience4j's disabled and forced states are not used. */
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN;

        /** The lower-case word used in status, metrics labels and JSON. */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
