package dev.flowbase.server.alerting;

import dev.flowbase.config.AlertSettings;
import dev.flowbase.db.Database;
import dev.flowbase.db.QueryTimings;
import dev.flowbase.status.Alert;
import dev.flowbase.status.AlertEvent;
import dev.flowbase.status.Alerts;
import dev.flowbase.status.Check;
import dev.flowbase.status.Status;
import dev.flowbase.status.Verdict;
import dev.flowbase.util.Every;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the server's checks every interval and turns them into alerts (raised once, cleared
 * once, see {@link Alerts}), which it logs and hands to its sinks (the webhook). The checks are
 * {@code flowbase status}'s, with the configured thresholds, and the slow queries since the last
 * evaluation.
 */
public final class AlertWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertWatcher.class);
    /** A check must be OK this many evaluations in a row before its alert clears. */
    static final int CLEAR_AFTER = 2;

    private final Supplier<List<Check>> checks;
    private final Alerts alerts = new Alerts(CLEAR_AFTER);
    private final List<Consumer<AlertEvent>> sinks;
    private final InstantSource clock;
    private Every timer;

    AlertWatcher(Supplier<List<Check>> checks, List<Consumer<AlertEvent>> sinks, InstantSource clock) {
        this.checks = checks;
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
    }

    /**
     * Watches {@code status} (the checks, with their thresholds) every {@code settings.interval()},
     * posting to the webhook when one is set.
     */
    public static AlertWatcher start(Status status, Database database, AlertSettings settings) {
        SlowQueries slow = new SlowQueries(database.queryTimings());
        List<Consumer<AlertEvent>> sinks = new ArrayList<>();
        settings.webhookUrl().ifPresent(url -> sinks.add(new Webhook(url)));
        AlertWatcher watcher = new AlertWatcher(
                () -> {
                    List<Check> all = new ArrayList<>(status.collect().checks());
                    all.add(slow.check());
                    return all;
                },
                sinks,
                InstantSource.system());
        watcher.every(settings.interval());
        return watcher;
    }

    private void every(Duration interval) {
        timer = Every.start("flowbase-alerts", Duration.ZERO, interval, this::evaluate);
    }

    /** One evaluation: the events it raised or cleared, already logged and sent. */
    List<AlertEvent> evaluate() {
        try {
            List<AlertEvent> events = alerts.update(checks.get(), clock.instant());
            for (AlertEvent e : events) {
                if (e.state() == AlertEvent.State.RAISED) {
                    LOG.warn(
                            "alert raised: {} ({}): {}",
                            e.alert().name(),
                            severity(e.alert()),
                            e.alert().detail());
                } else {
                    LOG.info(
                            "alert cleared: {}: {}", e.alert().name(), e.alert().detail());
                }
                sinks.forEach(s -> s.accept(e));
            }
            return events;
        } catch (RuntimeException e) {
            LOG.warn("evaluating the alerts failed: {}", e.getMessage());
            return List.of();
        }
    }

    private static String severity(Alert a) {
        return a.severity() == Verdict.FAILING ? "failing" : "warning";
    }

    /** The alerts on now. */
    public List<Alert> active() {
        return alerts.active();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.close(); // waits for an evaluation in flight: it holds a connection of the pool
        }
    }

    static final class SlowQueries {
        private final QueryTimings timings;
        private long seen;

        SlowQueries(QueryTimings timings) {
            this.timings = timings;
            this.seen = timings.slowCount();
        }

        synchronized Check check() {
            long now = timings.slowCount();
            long recent = now - seen;
            seen = now;
            String threshold = timings.slowThreshold().toMillis() + " ms";
            return recent == 0
                    ? new Check("slow queries", Verdict.OK, "none over " + threshold + " since the last check")
                    : new Check(
                            "slow queries",
                            Verdict.WARNING,
                            recent + " statement(s) took " + threshold + " or longer since the last check (see the"
                                    + " slow-query log)");
        }
    }
}
