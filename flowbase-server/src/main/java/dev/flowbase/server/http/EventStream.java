package dev.flowbase.server.http;

import dev.flowbase.cache.Event;
import dev.flowbase.cache.EventBus;
import dev.flowbase.cache.Subscription;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/events}: the live events as server-sent events, those of the caller's organization
 * only (an installation key may ask for any with {@code organization}), narrowed by {@code queue} and
 * {@code run}. A client that reconnects with {@code Last-Event-ID} first gets what it missed from the
 * bus's replay, then the live events, without a gap or a repeat. One virtual thread per client waits
 * on its own queue, so a slow client never holds up the bus.
 */
final class EventStream implements AutoCloseable {
    static final String PATH = "/api/events";
    private static final String EVENT_STREAM = "text/event-stream";
    /** Events a client may fall behind by before it is dropped (it reconnects and resumes). */
    private static final int BACKLOG = 10_000;

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final EventBus bus;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();

    EventStream(EventBus bus) {
        this.bus = bus;
    }

    int clients() {
        return clients.size();
    }

    /** Ends every stream, so a stopping server does not wait for clients that never hang up. */
    @Override
    public void close() {
        clients.forEach(SseClient::close);
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get(PATH, this::open);
    }

    private void open(Context ctx) throws Exception {
        Principal principal = Authentication.of(ctx);
        if (principal == null) {
            throw new FlowbaseException(
                    ErrorCode.UNAUTHENTICATED, "The event stream needs an API key: send Authorization: Bearer fb_…");
        }
        EventFilter filter = EventFilter.of(ctx, principal);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            // Javalin's SSE handler answers anything else with an empty 200, which looks like "no events"
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Accept: '" + (accept == null ? "" : accept) + "' does not take " + EVENT_STREAM + ": " + PATH
                            + " is a stream of server-sent events; send Accept: " + EVENT_STREAM);
        }
        String last = ctx.header("Last-Event-ID");
        new SseHandler(client -> join(client, filter, last)).handle(ctx);
    }

    private void join(SseClient client, EventFilter filter, String lastEventId) {
        BlockingQueue<Event> waiting = new LinkedBlockingQueue<>(BACKLOG);
        Subscription subscription = bus.subscribe(e -> {
            if (filter.matches(e) && !waiting.offer(e)) {
                client.close(); // too far behind: it resumes with its Last-Event-ID
            }
        });
        clients.add(client);
        client.onClose(() -> {
            subscription.close();
            clients.remove(client);
        });
        client.keepAlive();
        Thread.ofVirtual().name("flowbase-sse").start(() -> deliver(client, filter, lastEventId, waiting));
    }

    private void deliver(SseClient client, EventFilter filter, String lastEventId, BlockingQueue<Event> waiting) {
        String last = lastEventId;
        try {
            if (last != null) {
                for (Event e : bus.after(last, EventBus.REPLAY)) {
                    if (filter.matches(e)) {
                        send(client, e);
                    }
                    last = e.id();
                }
            }
            while (!client.terminated()) {
                Event e = waiting.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                if (e == null) {
                    client.sendComment("keep-alive");
                } else if (last == null || Event.after(e.id(), last)) {
                    send(client, e);
                    last = e.id();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the client went away while an event was on its way: nothing to tell anyone
        } finally {
            client.close();
        }
    }

    private static void send(SseClient client, Event e) {
        client.sendEvent(e.type(), e.data(), e.id());
    }
}
