package dev.flowbase.server.http;

import dev.flowbase.cache.CacheStats;
import dev.flowbase.cache.Shared;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

/**
 * The shared state's meters on {@code /metrics}: cache look-ups by result, evictions and
 * invalidations; whether Redis is in use and how often it went away; the events this server heard
 * and the event-stream clients it holds.
 */
final class SharedMeters {
    private SharedMeters() {}

    static void bind(MeterRegistry registry, Shared shared, EventStream stream) {
        cache(registry, shared, "flowbase_cache_hits", "Cache look-ups that found a value", CacheStats::hits);
        cache(registry, shared, "flowbase_cache_misses", "Cache look-ups that found none", CacheStats::misses);
        cache(
                registry,
                shared,
                "flowbase_cache_evictions",
                "Values the in-process cache let go",
                CacheStats::evictions);
        cache(
                registry,
                shared,
                "flowbase_cache_invalidations",
                "Keys invalidated by writes through this server",
                CacheStats::invalidations);
        cache(
                registry,
                shared,
                "flowbase_cache_bypassed",
                "Look-ups that skipped the cache because Redis did not answer",
                CacheStats::bypassed);
        Gauge.builder(
                        "flowbase_redis_in_use",
                        shared,
                        s -> "redis".equals(s.state().mode()) ? 1 : 0)
                .description("1 while cache, limits and events live in Redis; 0 in this process")
                .register(registry);
        FunctionCounter.builder("flowbase_redis_outages", shared, s -> s.state().outages())
                .description("Times Redis stopped answering since the server started")
                .register(registry);
        FunctionTimer.builder(
                        "flowbase_redis_commands",
                        shared,
                        s -> s.roundTrips()[0],
                        s -> s.roundTrips()[1],
                        TimeUnit.NANOSECONDS)
                .description("Redis commands answered and the time they took (round trips included)")
                .register(registry);
        LongAdder heard = new LongAdder();
        shared.events().subscribeQuietly(e -> heard.increment());
        FunctionCounter.builder("flowbase_events_heard", heard, LongAdder::sum)
                .description("Events this server heard on the bus, from any server")
                .register(registry);
        Gauge.builder("flowbase_event_stream_clients", stream, EventStream::clients)
                .description("Clients of GET /api/events connected to this server")
                .register(registry);
    }

    private static void cache(
            MeterRegistry registry, Shared shared, String name, String description, ToLongFunction<CacheStats> value) {
        FunctionCounter.builder(name, shared, s -> value.applyAsLong(s.cache().stats()))
                .description(description)
                .register(registry);
    }
}
