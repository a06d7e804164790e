package dev.flowbase.resilience;

import java.time.Duration;

/**
 * Whether the database takes calls now, asked by loops that would otherwise fail fast and spin (a
 * worker's claims): while it does not, they wait {@link #retryAfter()} instead of calling.
 */
public interface Health {
    /** A database that is always taken to answer (no breaker). */
    Health ALWAYS = new Health() {
        @Override
        public boolean permitsCalls() {
            return true;
        }

        @Override
        public Duration retryAfter() {
            return Duration.ZERO;
        }
    };

    boolean permitsCalls();

    /** How long until calls are let through again; zero when they are now. */
    Duration retryAfter();
}
