package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.db.DatabaseStatistics;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.queue.Fallback;
import dev.flowbase.queue.FallbackStats;
import dev.flowbase.queue.QueueDepth;
import dev.flowbase.status.Report;
import dev.flowbase.status.Status;
import dev.flowbase.status.Thresholds;
import dev.flowbase.status.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowbase status}: the health of everything on one screen, or one JSON document. */
@Command(
        name = "status",
        description = "Health of the database, migrations, pool, queues and disk on one screen. Exit status 18"
                + " (unavailable) when something is failing; warnings leave it 0.")
final class StatusCommand extends BaseCommand {

    @Option(
            names = "--watch",
            arity = "0..1",
            fallbackValue = "2",
            paramLabel = "SECONDS",
            description = "Show it again every SECONDS (default 2, 1-3600) until interrupted.")
    Integer watch;

    @Option(
            names = "--statistics",
            description = "Add the engine's own figures: rows, sizes and upkeep per table, index sizes and use,"
                    + " cache hit ratio, sessions, and what only this engine reports.")
    boolean statistics;

    /** The fallback's outbox, opened for each look and closed after it; null when none is configured. */
    private static Supplier<FallbackStats> fallbackStats(Database db) {
        if (db.config().fallback().isEmpty()) {
            return null;
        }
        return () -> {
            try (Fallback fallback = Fallback.open(db.config())) {
                return fallback.stats();
            }
        };
    }

    @Override
    public Integer call() throws InterruptedException {
        if (watch != null && (watch < 1 || watch > 3600)) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT, "--watch " + watch + " is out of range: give 1 to 3600 seconds");
        }
        try (Database db = Database.openForOneCommand(config().database())) {
            Status status = Status.of(db, Thresholds.of(config().alerts()))
                    .withRedis(config().redisUrl())
                    .withFallback(fallbackStats(db))
                    .namingTheServer();
            while (true) {
                Report report = status.collect();
                if (watch != null && !json()) {
                    out().print("\033[H\033[2J"); // clear the screen, as watch(1) does
                }
                show(report, statistics && report.verdict() != Verdict.FAILING ? db.statistics() : null);
                if (watch == null) {
                    return report.verdict() == Verdict.FAILING ? ErrorCode.UNAVAILABLE.exitCode() : 0;
                }
                out().flush();
                Thread.sleep(watch * 1000L);
            }
        }
    }

    private void show(Report r, DatabaseStatistics stats) {
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", name(r.verdict()));
            doc.put("at", r.at().toString());
            doc.put("engine", r.engine());
            doc.put("serverVersion", r.serverVersion());
            doc.put("database", r.database());
            doc.put(
                    "checks",
                    r.checks().stream()
                            .map(c -> {
                                Map<String, Object> check = new LinkedHashMap<>();
                                check.put("name", c.name());
                                check.put("status", name(c.verdict()));
                                check.put("detail", c.detail());
                                return check;
                            })
                            .toList());
            doc.put(
                    "pool",
                    Map.of(
                            "active", r.pool().active(),
                            "idle", r.pool().idle(),
                            "waiting", r.pool().waiting(),
                            "max", r.pool().max()));
            doc.put("queues", r.queues().stream().map(StatusCommand::describe).toList());
            if (stats != null) {
                doc.put("statistics", stats);
            }
            Output.json(out(), doc);
            return;
        }
        out().printf(
                        "Flowbase status: %s (%s %s, database %s) at %s%n",
                        name(r.verdict()),
                        r.engine(),
                        r.serverVersion() == null ? "" : r.serverVersion(),
                        r.database(),
                        r.at());
        Output.table(
                out(),
                List.of("CHECK", "STATUS", "DETAIL"),
                r.checks().stream()
                        .map(c -> List.of(c.name(), name(c.verdict()), c.detail()))
                        .toList());
        if (stats != null) {
            showStatistics(stats);
        }
        if (!r.queues().isEmpty()) {
            out().println();
            Output.table(
                    out(),
                    List.of("QUEUE", "READY", "DELAYED", "RUNNING", "DEAD"),
                    r.queues().stream()
                            .map(q -> List.of(
                                    q.queue(),
                                    String.valueOf(q.ready()),
                                    String.valueOf(q.delayed()),
                                    String.valueOf(q.running()),
                                    String.valueOf(q.dead())))
                            .toList());
        }
    }

    private void showStatistics(DatabaseStatistics stats) {
        out().println();
        out().printf(
                        "Cache hit ratio: %s; sessions: %s active, %s waiting; longest running statement: %s%n",
                        stats.cacheHitRatio() == null
                                ? "n/a"
                                : String.format(Locale.ROOT, "%.1f%%", stats.cacheHitRatio() * 100),
                        orNa(stats.activeSessions()),
                        orNa(stats.waitingSessions()),
                        stats.longestStatementSeconds() == null
                                ? "none"
                                : String.format(Locale.ROOT, "%.1f s", stats.longestStatementSeconds()));
        Output.table(
                out(),
                List.of("TABLE", "ROWS (EST.)", "TABLE BYTES", "INDEX BYTES", "DEAD ROWS"),
                stats.tables().stream()
                        .map(t -> List.of(
                                t.name(),
                                orNa(t.rowEstimate()),
                                orNa(t.tableBytes()),
                                orNa(t.indexBytes()),
                                orNa(t.deadRows())))
                        .toList());
        if (!stats.engineFigures().isEmpty()) {
            stats.engineFigures().forEach((k, v) -> out().printf("%s: %d%n", k, v));
        }
    }

    private static String orNa(Object value) {
        return value == null ? "n/a" : String.valueOf(value);
    }

    private static Map<String, Object> describe(QueueDepth q) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("queue", q.queue());
        doc.put("ready", q.ready());
        doc.put("delayed", q.delayed());
        doc.put("running", q.running());
        doc.put("dead", q.dead());
        return doc;
    }

    private static String name(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT);
    }
}
