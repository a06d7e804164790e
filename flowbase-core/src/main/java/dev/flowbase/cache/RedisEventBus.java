package dev.flowbase.cache;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The bus every server shares: one Redis stream ({@code <prefix>events}, trimmed to about
 * {@link #REPLAY} entries), read by one thread per server that hands each entry to this server's
 * subscribers, so every server delivers the same events in the same order with the same ids. While
 * Redis cannot be reached, events are published and delivered in this process only.
 */
public final class RedisEventBus implements EventBus {
    private static final Duration BLOCK = Duration.ofMillis(400);

    private final RedisLink link;
    private final LocalEventBus fallback;
    private final String key;
    private final Listeners listeners = new Listeners();
    private volatile StatefulRedisConnection<String, String> reading; // the reader thread's own
    private final Thread reader;
    private volatile boolean running = true;
    /** The newest id when this server joined: it delivers what comes after (null until Redis answers). */
    private final String start;

    public RedisEventBus(RedisLink link, LocalEventBus fallback) {
        this.link = link;
        this.fallback = fallback;
        this.key = link.prefix() + "events";
        fallback.subscribe(listeners::deliver);
        this.start = link.call(this::newest, () -> null);
        this.reader = Thread.ofPlatform().daemon().name("flowbase-events").unstarted(this::read);
    }

    @Override
    public String publish(String type, String organization, String data) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("org", organization == null ? "" : organization);
        body.put("data", data);
        return link.call(
                redis -> redis.xadd(key, XAddArgs.Builder.maxlen(REPLAY).approximateTrimming(), body),
                () -> fallback.publish(type, organization, data));
    }

    @Override
    public synchronized Subscription subscribe(Consumer<Event> listener) {
        // Read from the first subscriber on: a worker that only publishes holds no reader.
        if (reader.getState() == Thread.State.NEW) {
            reader.start();
        }
        return listeners.add(listener);
    }

    @Override
    public List<Event> after(String lastId, int max) {
        return link.call(
                redis -> redis
                        .xrange(
                                key,
                                Range.from(Range.Boundary.excluding(lastId), Range.Boundary.unbounded()),
                                Limit.from(max))
                        .stream()
                        .map(RedisEventBus::event)
                        .toList(),
                () -> fallback.after(lastId, max));
    }

    private void read() {
        String last = start;
        while (running) {
            if (!link.state().up()) {
                pause();
                continue;
            }
            boolean fresh = reading == null;
            try {
                if (fresh) {
                    reading = link.connectAnother();
                }
                var redis = reading.sync();
                if (last == null) {
                    last = newest(redis);
                }
                var read = readAfter(redis, last);
                for (StreamMessage<String, String> m : read) {
                    listeners.deliver(event(m));
                    last = m.getId();
                }
            } catch (RuntimeException e) {
                // A connection that failed once may still be reconnecting (or stalled, its answers
                // lost) after Redis is back: the reader starts over on a fresh one, and says Redis
                // is down only when a fresh one fails too.
                var broken = reading;
                reading = null;
                if (broken != null) {
                    broken.closeAsync();
                }
                if (running && fresh) {
                    link.down(e);
                }
            }
        }
    }

    private String newest(RedisCommands<String, String> redis) {
        var newest = redis.xrevrange(key, Range.create("-", "+"), Limit.from(1));
        return newest.isEmpty() ? "0-0" : newest.get(0).getId();
    }

    // lettuce takes the streams as varargs of a generic type; one stream cannot pollute the heap
    @SuppressWarnings("unchecked")
    private List<StreamMessage<String, String>> readAfter(RedisCommands<String, String> redis, String last) {
        return redis.xread(XReadArgs.Builder.block(BLOCK).count(500), XReadArgs.StreamOffset.from(key, last));
    }

    private static void pause() {
        try {
            Thread.sleep(RedisLink.PROBE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Event event(StreamMessage<String, String> m) {
        Map<String, String> b = m.getBody();
        String org = b.get("org");
        return new Event(m.getId(), b.get("type"), org == null || org.isEmpty() ? null : org, b.get("data"));
    }

    @Override
    public void close() {
        running = false;
        reader.interrupt();
        try {
            if (reader.getState() != Thread.State.NEW) {
                reader.join(BLOCK.toMillis() * 3);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reading != null) {
            reading.close();
        }
        fallback.close();
    }
}
