package dev.flowbase.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of one process, from the checks it evaluates over and over: a check that is not OK
 * raises its alert once; the alert clears once, after the check has been OK {@code clearAfter}
 * times in a row, so a check that flickers does not raise a storm of alerts. Thread-safe.
 */
public final class Alerts {
    private final int clearAfter;
    private final Map<String, Alert> active = new LinkedHashMap<>();
    private final Map<String, Integer> okInARow = new LinkedHashMap<>();

    public Alerts(int clearAfter) {
        this.clearAfter = Math.max(1, clearAfter);
    }

    /** Evaluates {@code checks} seen at {@code at}; returns what was raised or cleared by them. */
    public synchronized List<AlertEvent> update(List<Check> checks, Instant at) {
        List<AlertEvent> events = new ArrayList<>();
        for (Check c : checks) {
            Alert held = active.get(c.name());
            if (c.verdict() != Verdict.OK) {
                okInARow.remove(c.name());
                if (held == null) {
                    Alert raised = new Alert(c.name(), c.verdict(), c.detail(), at);
                    active.put(c.name(), raised);
                    events.add(new AlertEvent(AlertEvent.State.RAISED, raised, at));
                } else {
                    // Still on: keep when it began, show what it looks like now.
                    active.put(
                            c.name(), new Alert(c.name(), held.severity().and(c.verdict()), c.detail(), held.since()));
                }
            } else if (held != null) {
                int ok = okInARow.merge(c.name(), 1, Integer::sum);
                if (ok >= clearAfter) {
                    active.remove(c.name());
                    okInARow.remove(c.name());
                    events.add(new AlertEvent(
                            AlertEvent.State.CLEARED,
                            new Alert(c.name(), held.severity(), c.detail(), held.since()),
                            at));
                }
            }
        }
        return events;
    }

    /** The alerts on now, in the order they were raised. */
    public synchronized List<Alert> active() {
        return List.copyOf(active.values());
    }
}
