package dev.flowbase.queue;

import dev.flowbase.db.Database;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/** One signal per queue name in this process: producers wake the workers of the queue they add to. */
final class Wakeups {
    private static final Map<Object, Wakeups> BY_DATABASE = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, Signal> signals = new ConcurrentHashMap<>();

    /** The wake-ups of everything in this process that works on {@code database}. */
    static Wakeups of(Database database) {
        return BY_DATABASE.computeIfAbsent(database, d -> new Wakeups());
    }

    Signal of(String queue) {
        return signals.computeIfAbsent(queue, q -> new Signal());
    }

    void wake(String queue) {
        Signal s = signals.get(queue);
        if (s != null) {
            s.wake();
        }
    }
}
