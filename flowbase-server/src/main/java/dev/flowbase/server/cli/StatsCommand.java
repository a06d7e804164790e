package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.search.Analytics;
import dev.flowbase.search.Bucket;
import dev.flowbase.search.ErrorCount;
import dev.flowbase.search.Percentiles;
import dev.flowbase.search.ThroughputPoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowbase stats}: the analytics of one organization since a time, as tables or --json. */
@Command(
        name = "stats",
        description = "Durations per task type, slowest workflows, throughput and failure rate per queue, top errors.")
final class StatsCommand extends BaseCommand {
    @Option(
            names = "--since",
            paramLabel = "AGE",
            defaultValue = "24h",
            description = "From this long ago (30m, 24h, 7d, 2w) or an ISO-8601 instant (default: 24h).")
    String since;

    @Option(
            names = "--bucket",
            paramLabel = "WIDTH",
            defaultValue = "hour",
            description = "Throughput buckets: minute, hour or day (default: hour).")
    String bucket;

    @Option(
            names = "--organization",
            paramLabel = "SLUG",
            defaultValue = "default",
            description = "The organization (default: default).")
    String organization;

    @Override
    public Integer call() {
        Bucket width = Bucket.named("--bucket", bucket);
        try (Database db = Database.open(config().database())) {
            UUID org = OrganizationBySlug.id(db, organization);
            Analytics analytics = Analytics.on(db);
            Instant from = analytics.since("--since", since);
            List<Percentiles> durations = analytics.durationsByTaskType(org, from);
            List<Percentiles> slowest = analytics.slowestWorkflows(org, from, 10);
            List<ThroughputPoint> throughput = analytics.throughput(org, from, width);
            List<ErrorCount> errors = analytics.topErrors(org, from, 10);
            if (json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("since", from.toString());
                doc.put("durations", durations);
                doc.put("slowestWorkflows", slowest);
                doc.put("throughput", throughput);
                doc.put("errors", errors);
                Output.json(out(), doc);
                return 0;
            }
            out().println("Since " + from + " (milliseconds)");
            out().println();
            percentiles("TASK TYPE", durations);
            percentiles("WORKFLOW", slowest);
            Output.table(
                    out(),
                    List.of("QUEUE", "BUCKET", "SUCCEEDED", "FAILED", "FAILURE RATE"),
                    throughput.stream()
                            .map(p -> List.of(
                                    p.queue(),
                                    p.bucket().toString(),
                                    String.valueOf(p.succeeded()),
                                    String.valueOf(p.failed()),
                                    String.format(Locale.ROOT, "%.1f%%", 100 * p.failureRate())))
                            .toList());
            out().println();
            Output.table(
                    out(),
                    List.of("COUNT", "LAST", "ERROR"),
                    errors.stream()
                            .map(e -> List.of(String.valueOf(e.count()), String.valueOf(e.last()), e.message()))
                            .toList());
        }
        return 0;
    }

    private void percentiles(String what, List<Percentiles> rows) {
        Output.table(
                out(),
                List.of(what, "COUNT", "P50", "P95", "P99", "MAX"),
                rows.stream()
                        .map(p -> List.of(
                                p.label(),
                                String.valueOf(p.count()),
                                String.valueOf(p.p50()),
                                String.valueOf(p.p95()),
                                String.valueOf(p.p99()),
                                String.valueOf(p.max())))
                        .toList());
        out().println();
    }
}
