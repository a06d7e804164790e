package dev.flowbase.cache;

import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The bus of one process: delivered as published, the last {@link #REPLAY} kept for resuming. */
public final class LocalEventBus implements EventBus {
    private final InstantSource clock;
    private final ArrayDeque<Event> kept = new ArrayDeque<>();
    private final Listeners listeners = new Listeners();
    private long lastMillis;
    private long sequence;

    public LocalEventBus(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public String publish(String type, String organization, String data) {
        Event event;
        synchronized (kept) {
            long millis = Math.max(clock.millis(), lastMillis);
            sequence = millis == lastMillis ? sequence + 1 : 0;
            lastMillis = millis;
            event = new Event(millis + "-" + sequence, type, organization, data);
            kept.addLast(event);
            if (kept.size() > REPLAY) {
                kept.removeFirst();
            }
            // delivered under the lock, so every subscriber sees the bus's order
            listeners.deliver(event);
        }
        return event.id();
    }

    @Override
    public Subscription subscribe(Consumer<Event> listener) {
        return listeners.add(listener);
    }

    @Override
    public List<Event> after(String lastId, int max) {
        List<Event> found = new ArrayList<>();
        synchronized (kept) {
            for (Event e : kept) {
                if (found.size() < max && Event.after(e.id(), lastId)) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
