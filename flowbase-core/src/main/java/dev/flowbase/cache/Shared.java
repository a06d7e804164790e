package dev.flowbase.cache;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * What a server shares with the others: the cache, the rate limits and the event bus. In Redis when
 * {@code REDIS_URL} is set ({@link #connect}), else in this process ({@link #local}); the callers
 * cannot tell them apart except by {@link #state}.
 *
 * <pre>{@code
 * try (Shared shared = Shared.connect(config.redisUrl(), "flowbase:", clock)) {
 *     shared.cache().put("apikey:" + hash, json, Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class Shared implements AutoCloseable {
    /** The prefix of every key Flowbase writes in Redis, unless told another. */
    public static final String PREFIX = "flowbase:";

    /** Where the shared state lives now, for status and metrics; {@code detail} is secret-free. */
    public record State(String mode, boolean degraded, String detail, Instant since, long outages) {}

    private final Optional<RedisLink> link;
    private final Cache cache;
    private final RateLimits limits;
    private final EventBus events;

    private Shared(Optional<RedisLink> link, Cache cache, RateLimits limits, EventBus events) {
        this.link = link;
        this.cache = cache;
        this.limits = limits;
        this.events = events;
    }

    /** Everything in this process: what one server without Redis has. */
    public static Shared local(InstantSource clock) {
        return local(clock, System::nanoTime);
    }

    /** In this process, on injected clocks: tests move time instead of waiting for it. */
    public static Shared local(InstantSource clock, LongSupplier nanos) {
        return new Shared(
                Optional.empty(), new LocalCache(nanos), new LocalRateLimits(nanos), new LocalEventBus(clock));
    }

    /** In the Redis at {@code redisUrl} when one is set, else in this process. */
    public static Shared connect(Optional<String> redisUrl, String prefix, InstantSource clock) {
        return connect(redisUrl, prefix, clock, UnaryOperator.identity());
    }

    /**
     * As {@link #connect(Optional, String, InstantSource)}; without Redis, the events go through
     * what {@code withoutRedis} makes of the in-process bus (the database's notifications between
     * processes, {@code DatabaseEvents.over(db)}, where the engine has them).
     */
    public static Shared connect(
            Optional<String> redisUrl, String prefix, InstantSource clock, UnaryOperator<EventBus> withoutRedis) {
        if (redisUrl.isEmpty()) {
            LongSupplier nanos = System::nanoTime;
            return new Shared(
                    Optional.empty(),
                    new LocalCache(nanos),
                    new LocalRateLimits(nanos),
                    withoutRedis.apply(new LocalEventBus(clock)));
        }
        RedisLink link = RedisLink.connect(redisUrl.get(), prefix);
        return new Shared(
                Optional.of(link),
                new RedisCache(link),
                new RedisRateLimits(link, new LocalRateLimits(System::nanoTime)),
                new RedisEventBus(link, new LocalEventBus(clock)));
    }

    public Cache cache() {
        return cache;
    }

    public RateLimits limits() {
        return limits;
    }

    public EventBus events() {
        return events;
    }

    /**
     * Whether a Redis was configured (even while it does not answer): what the page's sessions are
     * kept in follows it, once, at start.
     */
    public boolean configured() {
        return link.isPresent();
    }

    /** Hears each change of {@link #state} (Redis went away, Redis answers again). */
    public void onChange(Runnable watcher) {
        link.ifPresent(l -> l.onChange(s -> watcher.run()));
    }

    /** Redis commands answered and their total time in nanoseconds; zeros without Redis. */
    public long[] roundTrips() {
        return link.map(RedisLink::roundTrips).orElse(new long[2]);
    }

    public State state() {
        if (link.isEmpty()) {
            return new State("in-process", false, "no REDIS_URL: cache, limits and events in this process", null, 0);
        }
        RedisLink.State s = link.get().state();
        return s.up()
                ? new State(
                        "redis", false, "Redis at " + link.get().target() + " " + s.reason(), s.since(), s.outages())
                : new State(
                        "in-process",
                        true,
                        s.reason() + "; cache bypassed, limits and events in this process until it answers",
                        s.since(),
                        s.outages());
    }

    @Override
    public void close() {
        events.close();
        link.ifPresent(RedisLink::close);
    }
}
