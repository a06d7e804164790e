package dev.flowbase.cache;

import dev.flowbase.config.Secret;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to Redis and whether it is usable. A command that fails marks the link down; while
 * down, callers get their in-process fallback at once (commands are refused, not queued, so no
 * request waits on a Redis that went away), and a probe pings every {@link #PROBE} until Redis
 * answers, then runs the {@link #onReconnect} hooks (flush what may have been missed) and marks it up.
 */
public final class RedisLink implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final Duration PROBE = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);

    /** Up, or down since a moment with the reason (secret-free: the URL is masked). */
    public record State(boolean up, Instant since, String reason, long outages) {}

    private final String shown;
    private final RedisClient client;
    /** Null until Redis first answers (a server may start while Redis is away). */
    private volatile StatefulRedisConnection<String, String> connection;

    private final String prefix;
    private final AtomicReference<State> state;
    private final AtomicLong outages = new AtomicLong();
    private final LongAdder commands = new LongAdder();
    private final LongAdder commandNanos = new LongAdder();
    private final List<Consumer<RedisCommands<String, String>>> reconnectHooks = new CopyOnWriteArrayList<>();
    private final List<Consumer<State>> watchers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService probe;

    private RedisLink(String shown, RedisClient client, StatefulRedisConnection<String, String> c, String prefix) {
        this.shown = shown;
        this.client = client;
        this.connection = c;
        this.prefix = prefix;
        this.state = new AtomicReference<>(new State(true, Instant.now(), "answers", 0));
        if (c == null) {
            down(new IllegalStateException("no connection at start"));
        }
        this.probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowbase-redis-probe");
            t.setDaemon(true);
            return t;
        });
        probe.scheduleWithFixedDelay(this::probeWhenDown, PROBE.toMillis(), PROBE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Connects to {@code url}; every key this link writes starts with {@code prefix}. A Redis that
     * does not answer yet leaves the link down (in-process) until it does: a server starts without it.
     *
     * @throws FlowbaseException naming the URL with its password masked when it is not a Redis URL
     */
    public static RedisLink connect(String url, String prefix) {
        String shown = Secret.maskUrlCredentials(url);
        RedisURI uri;
        try {
            if (URI.create(url).getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            uri = RedisURI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "REDIS_URL " + shown + " is not a Redis URL: expected redis://[user:password@]host:port[/db]"
                            + " or rediss://… with a port from 1 to 65535");
        }
        uri.setTimeout(TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .build());
        StatefulRedisConnection<String, String> first;
        try {
            first = client.connect();
        } catch (RuntimeException e) {
            LOG.warn("Redis at {} did not answer at start: {}", shown, firstLine(e));
            first = null;
        }
        return new RedisLink(shown, client, first, prefix);
    }

    /** The URL with its password masked. */
    public String target() {
        return shown;
    }

    public String prefix() {
        return prefix;
    }

    public State state() {
        return state.get();
    }

    /** Runs when Redis answers again after being down, before the link is marked up. */
    public void onReconnect(Consumer<RedisCommands<String, String>> hook) {
        reconnectHooks.add(hook);
    }

    /** Commands that Redis answered since the start, and the nanoseconds they took in all (round trips). */
    public long[] roundTrips() {
        return new long[] {commands.sum(), commandNanos.sum()};
    }

    /** Hears every change of state (down, up again): for alerts, metrics and tests that wait on it. */
    public void onChange(Consumer<State> watcher) {
        watchers.add(watcher);
    }

    /** Runs {@code command} on Redis, or {@code fallback} when the link is down or the command fails. */
    public <T> T call(Function<RedisCommands<String, String>, T> command, Supplier<T> fallback) {
        StatefulRedisConnection<String, String> c = connection;
        if (!state.get().up() || c == null) {
            return fallback.get();
        }
        long start = System.nanoTime();
        try {
            T result = command.apply(c.sync());
            commandNanos.add(System.nanoTime() - start);
            commands.increment();
            return result;
        } catch (RuntimeException e) {
            down(e);
            return fallback.get();
        }
    }

    /** A second connection, for a reader that blocks (an event stream). */
    StatefulRedisConnection<String, String> connectAnother() {
        return client.connect();
    }

    void down(Throwable cause) {
        State now = state.get();
        if (now.up()) {
            String reason = "Redis at " + shown + " does not answer: " + firstLine(cause);
            State down = new State(false, Instant.now(), reason, outages.incrementAndGet());
            if (state.compareAndSet(now, down)) {
                dropConnection();
                LOG.warn("{}; using in-process cache, limits and events until it answers", reason);
                watchers.forEach(w -> w.accept(down));
            }
        }
    }

    /**
     * Closes the connection a failed command used, so the probe opens a fresh one. A Redis that
     * stalled swallowed the commands that timed out, and their answers never come: on the same
     * connection the probe's PING would be matched to one of them and never be answered itself.
     */
    private void dropConnection() {
        StatefulRedisConnection<String, String> c = connection;
        connection = null;
        if (c != null) {
            c.closeAsync();
        }
    }

    private void probeWhenDown() {
        State now = state.get();
        if (now.up()) {
            return;
        }
        try {
            if (connection == null) {
                connection = client.connect();
            }
            RedisCommands<String, String> commands = connection.sync();
            commands.ping();
            reconnectHooks.forEach(h -> h.accept(commands));
            State up = new State(true, Instant.now(), "answers again", outages.get());
            state.set(up);
            LOG.info("Redis at {} answers again; shared cache, limits and events resume", shown);
            watchers.forEach(w -> w.accept(up));
        } catch (RuntimeException e) {
            dropConnection(); // still down: the next probe tries again, on a fresh connection
        }
    }

    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        probe.shutdownNow();
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, TIMEOUT);
    }
}
