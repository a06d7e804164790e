package dev.flowbase.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.cache.Event;
import dev.flowbase.cache.EventBus;
import dev.flowbase.cache.Subscription;
import dev.flowbase.db.Database;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.util.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus between the processes on one database without Redis, where the engine can tell
 * them (PostgreSQL: {@code NOTIFY flowbase_events}): each event is delivered to this process's
 * subscribers at once, as by the bus it wraps, and sent to the other processes, whose
 * {@code DatabaseEvents} deliver it to theirs under ids of their own. The payload is the event
 * itself (its type, organization and data: ids, kinds, a queue name of at most 100 characters, far
 * below NOTIFY's 8,000 bytes) and the sender's origin, so a process skips its own. Sent from a
 * thread of its own ({@link NoticeSender}): a worker's hot path waits for no round trip. Like
 * NOTIFY, at most once: what is sent while a process is not listening is not heard by it.
 */
public final class DatabaseEvents implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseEvents.class);

    private final Database db;
    private final EventBus local;
    private final QueueSql sql;
    private final String origin = UUID.randomUUID().toString();
    private final AtomicLong sent = new AtomicLong();
    private final NoticeSender sender;
    private final CountDownLatch listening = new CountDownLatch(1);
    private AutoCloseable listener; // started by the first subscriber: a worker that only publishes never listens

    private DatabaseEvents(Database db, EventBus local, QueueSql sql, String statement) {
        this.db = db;
        this.local = local;
        this.sql = sql;
        this.sender = new NoticeSender(db, statement);
    }

    /**
     * What a process on {@code db} without Redis makes of its in-process bus: one that also tells
     * and hears the other processes where the engine can, else the bus as it is.
     */
    public static UnaryOperator<EventBus> over(Database db) {
        QueueSql sql = EngineKit.of(db.engine()).part(QueueSql.class);
        return bus -> sql.eventSql()
                .<EventBus>map(statement -> new DatabaseEvents(db, bus, sql, statement))
                .orElse(bus);
    }

    /** Synchronized: the other processes get the events in the order this one's subscribers got them. */
    @Override
    public synchronized String publish(String type, String organization, String data) {
        String id = local.publish(type, organization, data);
        Map<String, String> notice = new LinkedHashMap<>();
        notice.put("origin", origin);
        // PostgreSQL delivers identical payloads of one transaction once: the number keeps each apart.
        notice.put("n", Long.toString(sent.incrementAndGet()));
        notice.put("type", type);
        notice.put("org", organization);
        notice.put("data", data);
        String payload = Json.write(notice);
        if (payload.getBytes(StandardCharsets.UTF_8).length > QueueSql.EVENT_PAYLOAD) {
            LOG.warn(
                    "event {} not sent to other processes: {} bytes is more than NOTIFY carries",
                    type,
                    payload.length());
        } else {
            sender.send(payload);
        }
        return id;
    }

    @Override
    public synchronized Subscription subscribe(Consumer<Event> subscriber) {
        if (listener == null) {
            listener = sql.listenEvents(db, this::heard, listening::countDown);
        }
        return local.subscribe(subscriber);
    }

    @Override
    public Subscription subscribeQuietly(Consumer<Event> subscriber) {
        return local.subscribe(subscriber);
    }

    /** Whether this process listens to the others (after its first subscriber), waiting up to {@code millis}. */
    public boolean listening(long millis) throws InterruptedException {
        return listening.await(millis, TimeUnit.MILLISECONDS);
    }

    private void heard(String payload) {
        try {
            JsonNode n = Json.read(payload);
            if (!origin.equals(n.path("origin").asText())) {
                JsonNode org = n.path("org");
                local.publish(
                        n.path("type").asText(),
                        org.isTextual() ? org.asText() : null,
                        n.path("data").asText());
            }
        } catch (RuntimeException e) {
            LOG.warn("an event from another process could not be read: {}", e.toString());
        }
    }

    @Override
    public List<Event> after(String lastId, int max) {
        return local.after(lastId, max);
    }

    @Override
    public synchronized void close() {
        sender.close();
        if (listener != null) {
            try {
                listener.close();
            } catch (Exception e) {
                LOG.warn("stopping listening for events failed: {}", e.toString());
            }
        }
        local.close();
    }
}
