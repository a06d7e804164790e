package dev.flowbase.status;

import dev.flowbase.resilience.BreakerOpenException;
import dev.flowbase.resilience.BreakerState;

/** The database's circuit breaker as a check: open fails (calls are refused), half-open warns (probing). */
public final class BreakerCheck {
    private BreakerCheck() {}

    public static Check of(BreakerState b) {
        String opened =
                "opened " + b.opened() + (b.opened() == 1 ? " time" : " times") + ", " + b.refused() + " calls refused";
        return switch (b.state()) {
            case CLOSED -> Check.ok("breaker", "closed (" + opened + ")");
            case HALF_OPEN ->
                new Check(
                        "breaker", Verdict.WARNING, "half-open: probing whether the database answers (" + opened + ")");
            case OPEN ->
                new Check(
                        "breaker",
                        Verdict.FAILING,
                        "open: calls to the database are refused for another "
                                + BreakerOpenException.seconds(b.retryAfter()) + " s (" + opened + ")");
        };
    }
}
