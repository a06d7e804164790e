package dev.flowbase.server.http;

import dev.flowbase.db.Database;
import dev.flowbase.db.QueryTimings;
import dev.flowbase.db.SqlErrorKind;
import dev.flowbase.queue.Queue;
import dev.flowbase.queue.QueueDepth;
import dev.flowbase.queue.Throughput;
import dev.flowbase.resilience.Breaker;
import dev.flowbase.resilience.BreakerState;
import dev.flowbase.server.logging.LogStoreAppender;
import dev.flowbase.status.Alert;
import io.javalin.http.Context;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} in Prometheus's text format: HTTP requests by route and status, the
 * connection pool, every statement's timing by name (from {@link QueryTimings}), and the queues'
 * depth by state, read when scraped.
 */
final class Metrics {
    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
    private static final String STARTED = "flowbase.metrics.started";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Queue queue;
    private final QueryTimings timings;
    private final MultiGauge queueTasks;
    private final MultiGauge activeAlerts;
    private final Supplier<List<Alert>> alerts;
    private final Set<String> statements = ConcurrentHashMap.newKeySet();
    private final Set<String> throughputs = ConcurrentHashMap.newKeySet();
    /** Looked up by a string key: building a meter id with its tags at every request costs more. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** {@code queue}: the server's queue, whose throughput the worker protocol's calls count. */
    Metrics(Database db, Queue queue, LogStoreAppender logs, Supplier<List<Alert>> alerts) {
        this.queue = queue;
        this.alerts = alerts;
        this.timings = db.queryTimings();
        pool(db, "active", d -> d.poolStats().active());
        pool(db, "idle", d -> d.poolStats().idle());
        pool(db, "waiting", d -> d.poolStats().waiting());
        Gauge.builder("flowbase_pool_connections_max", db, d -> d.poolStats().max())
                .description("The most connections the pool opens")
                .register(registry);
        FunctionCounter.builder("flowbase_log_lines_written", logs, LogStoreAppender::written)
                .description("Flowbase's log lines written to the logs table")
                .register(registry);
        FunctionCounter.builder("flowbase_log_lines_dropped", logs, LogStoreAppender::dropped)
                .description("Log lines not written: the queue was full or the table could not be written")
                .register(registry);
        for (SqlErrorKind kind : SqlErrorKind.values()) {
            FunctionCounter.builder("flowbase_database_errors", db.errorCounts(), e -> e.of(kind))
                    .description("Statements and connections that failed, by kind of failure")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        breaker(db.breaker());
        FallbackMeters.bind(registry, queue.fallback());
        activeAlerts = MultiGauge.builder("flowbase_alerts_active")
                .description("1 for each alert on now, by alert and severity")
                .register(registry);
        queueTasks = MultiGauge.builder("flowbase_queue_tasks")
                .description("Tasks per queue and state (ready, delayed, running, dead) when scraped")
                .register(registry);
    }

    /** For the meters other parts of the server bind (the shared state's). */
    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The database's circuit breaker: 1 for its state now, and how often it refused and opened. */
    private void breaker(Breaker breaker) {
        for (BreakerState.State state : BreakerState.State.values()) {
            Gauge.builder(
                            "flowbase_database_breaker_state",
                            breaker,
                            b -> b.state().state() == state ? 1 : 0)
                    .description("1 for the state the database's circuit breaker is in (closed, open, half-open)")
                    .tag("state", state.word())
                    .register(registry);
        }
        FunctionCounter.builder(
                        "flowbase_database_breaker_refused",
                        breaker,
                        b -> b.state().refused())
                .description("Calls to the database refused without trying while its circuit breaker was open")
                .register(registry);
        FunctionCounter.builder(
                        "flowbase_database_breaker_opened",
                        breaker,
                        b -> b.state().opened())
                .description("Times the database's circuit breaker opened")
                .register(registry);
    }

    private void pool(Database db, String state, ToDoubleFunction<Database> value) {
        Gauge.builder("flowbase_pool_connections", db, value)
                .description("Connections of the pool by state")
                .tag("state", state)
                .register(registry);
    }

    void before(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    void after(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        String method = ctx.method().name();
        String route = route(ctx);
        int status = ctx.statusCode();
        timers.computeIfAbsent(
                        method + " " + route + " " + status,
                        k -> Timer.builder("flowbase_http_requests")
                                .description("HTTP requests by method, route and status")
                                .tags("method", method, "route", route, "status", String.valueOf(status))
                                .register(registry))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** The route's pattern, never the path a client sent (that could hold ids, or anything). */
    private static String route(Context ctx) {
        try {
            var matched = ctx.endpoints().matchedHttpEndpoint();
            return matched == null ? "unmatched" : matched.path;
        } catch (RuntimeException e) {
            return "unmatched"; // no HTTP route matched: a 404
        }
    }

    Object scrape(Call call) {
        refreshQueues();
        for (Throughput.Count c : queue.throughput()) {
            if (throughputs.add(c.queue() + " " + c.outcome())) {
                String name = c.queue();
                Throughput.Outcome outcome = c.outcome();
                FunctionCounter.builder(
                                "flowbase_queue_attempts_ended",
                                queue,
                                q -> q.throughput().stream()
                                        .filter(t -> t.queue().equals(name) && t.outcome() == outcome)
                                        .mapToLong(Throughput.Count::count)
                                        .sum())
                        .description("Attempts this server ended, by queue and outcome: a rate() is the throughput")
                        .tags("queue", name, "outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        }
        activeAlerts.register(
                alerts.get().stream()
                        .map(a -> MultiGauge.Row.of(
                                Tags.of(
                                        "alert",
                                        a.name(),
                                        "severity",
                                        a.severity().name().toLowerCase(Locale.ROOT)),
                                1))
                        .toList(),
                true);
        for (QueryTimings.Timing t : timings.snapshot()) {
            if (statements.add(t.statement())) {
                String name = t.statement();
                FunctionTimer.builder(
                                "flowbase_query",
                                timings,
                                q -> q.timing(name).count(),
                                q -> q.timing(name).totalSeconds(),
                                TimeUnit.SECONDS)
                        .description("Statements run, by statement name (verb and first table)")
                        .tag("statement", name)
                        .register(registry);
                FunctionCounter.builder(
                                "flowbase_query_errors",
                                timings,
                                q -> q.timing(name).errors())
                        .description("Statements that failed, by statement name")
                        .tag("statement", name)
                        .register(registry);
            }
        }
        return new Text("text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }

    private void refreshQueues() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (QueueDepth d : queue.depth()) {
                rows.add(MultiGauge.Row.of(Tags.of("queue", d.queue(), "state", "ready"), d.ready()));
                rows.add(MultiGauge.Row.of(Tags.of("queue", d.queue(), "state", "delayed"), d.delayed()));
                rows.add(MultiGauge.Row.of(Tags.of("queue", d.queue(), "state", "running"), d.running()));
                rows.add(MultiGauge.Row.of(Tags.of("queue", d.queue(), "state", "dead"), d.dead()));
            }
            queueTasks.register(rows, true);
        } catch (RuntimeException e) {
            // The database may be down or not migrated: the other metrics still say so.
            LOG.debug("queue depth not read for /metrics: {}", e.getMessage());
        }
    }
}
