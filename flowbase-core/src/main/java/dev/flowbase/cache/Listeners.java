package dev.flowbase.cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bus's subscribers: each event handed to every one, one that throws logged and skipped. */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<Consumer<Event>> all = new CopyOnWriteArrayList<>();

    Subscription add(Consumer<Event> listener) {
        all.add(listener);
        return () -> all.remove(listener);
    }

    void deliver(Event event) {
        for (Consumer<Event> l : all) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("an event listener failed on {} {}: {}", event.type(), event.id(), e.toString());
            }
        }
    }

    void clear() {
        all.clear();
    }
}
