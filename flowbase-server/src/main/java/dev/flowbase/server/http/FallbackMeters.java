package dev.flowbase.server.http;

import dev.flowbase.queue.Fallback;
import dev.flowbase.queue.FallbackStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToLongFunction;

/** The fallback's outbox on {@code /metrics}, when {@code DB_FALLBACK_URL} names one (docs/resilience.md). */
final class FallbackMeters {
    private FallbackMeters() {}

    static void bind(MeterRegistry registry, Fallback fallback) {
        if (!fallback.configured()) {
            return;
        }
        Gauge.builder("flowbase_fallback_outbox_tasks", fallback, f -> waiting(f, FallbackStats::waiting))
                .description("Tasks the fallback kept that wait to be written to the database (NaN: unreadable)")
                .tag("state", "waiting")
                .register(registry);
        Gauge.builder("flowbase_fallback_outbox_tasks", fallback, f -> waiting(f, FallbackStats::rejected))
                .description("Tasks the fallback kept that wait to be written to the database (NaN: unreadable)")
                .tag("state", "set-aside")
                .register(registry);
        counter(
                registry,
                fallback,
                "accepted",
                "Tasks kept in the fallback's outbox while the database was away",
                FallbackStats::accepted);
        counter(
                registry,
                fallback,
                "replayed",
                "Tasks replayed from the fallback's outbox into the database",
                FallbackStats::replayed);
        counter(
                registry,
                fallback,
                "dropped",
                "Tasks of the outbox not replayed: the database had a task with their idempotency key",
                FallbackStats::dropped);
        counter(
                registry,
                fallback,
                "set_aside",
                "Tasks of the outbox the database refused, kept for inspection",
                FallbackStats::setAside);
    }

    private static void counter(
            MeterRegistry registry, Fallback fallback, String name, String text, ToLongFunction<FallbackStats> value) {
        FunctionCounter.builder("flowbase_fallback_" + name, fallback, f -> value.applyAsLong(f.tally()))
                .description(text)
                .register(registry);
    }

    /** Read when scraped; a fallback that cannot be read shows as NaN rather than failing the scrape. */
    private static double waiting(Fallback fallback, ToLongFunction<FallbackStats> value) {
        try {
            return value.applyAsLong(fallback.stats());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
