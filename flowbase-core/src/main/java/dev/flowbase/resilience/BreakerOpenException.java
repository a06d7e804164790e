package dev.flowbase.resilience;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.time.Duration;

/** A call refused without trying: the breaker is open. The HTTP API answers 503 with {@code Retry-After}. */
public final class BreakerOpenException extends FlowbaseException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    BreakerOpenException(String name, BreakerState state) {
        super(
                ErrorCode.UNAVAILABLE,
                "The " + name + " is not being called: its circuit breaker is "
                        + state.state().word() + " after "
                        + Math.round(state.failureRatePercent()) + "% of the last " + state.calls()
                        + " calls failed; retry after " + seconds(state.retryAfter()) + " s");
        this.retryAfter = state.retryAfter();
    }

    private static String message(String name, BreakerState state) {
        String why = state.state() == BreakerState.State.OPEN
                ? "open: too many of the last calls could not reach it"
                : "half-open: a few probe calls are finding out whether it answers again";
        return "The " + name + " is not being called: its circuit breaker is " + why + "; retry after "
                + seconds(state.retryAfter()) + " s";
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least 1: what {@code Retry-After} carries. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
