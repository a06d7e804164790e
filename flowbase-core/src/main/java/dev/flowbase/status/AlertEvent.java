package dev.flowbase.status;

import java.time.Instant;

/** An alert raised or cleared: each happens once per episode, whatever the checks do in between. */
public record AlertEvent(State state, Alert alert, Instant at) {
    public enum State {
        RAISED,
        CLEARED
    }
}
