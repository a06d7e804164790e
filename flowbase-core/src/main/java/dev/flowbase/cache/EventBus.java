package dev.flowbase.cache;

import java.util.List;
import java.util.function.Consumer;

/**
 * State changes, published once and delivered to the subscribers of every server that shares the bus
 * (one process's without Redis). The bus keeps the last {@link #REPLAY} events, so a client that
 * lost its connection resumes after its last id without a gap.
 */
public interface EventBus extends AutoCloseable {
    int REPLAY = 10_000;

    /** Publishes an event; returns its id. Never throws for a bus that cannot be reached. */
    String publish(String type, String organization, String data);

    /** Hears every event published from now on, in order; closing the handle stops it. */
    Subscription subscribe(Consumer<Event> listener);

    /**
     * As {@link #subscribe}, for a part of this process that must not be the reason it listens to
     * other processes where listening holds a connection of the pool for good (PostgreSQL's LISTEN
     * without Redis): it hears other processes' events once something else subscribed (an SSE
     * client), and this process's own always. Elsewhere the same as {@link #subscribe}.
     */
    default Subscription subscribeQuietly(Consumer<Event> listener) {
        return subscribe(listener);
    }

    /** The kept events after {@code lastId}, oldest first, at most {@code max}. */
    List<Event> after(String lastId, int max);

    @Override
    void close();
}
