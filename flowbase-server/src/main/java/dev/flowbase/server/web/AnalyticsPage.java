package dev.flowbase.server.web;

import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.search.Analytics;
import dev.flowbase.search.Bucket;
import dev.flowbase.search.Percentiles;
import dev.flowbase.search.ThroughputPoint;
import dev.flowbase.util.Json;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The organization's trends (docs/search.md#analytics): attempts and failure rate per queue as
 * charts, with the same figures as tables beside them (what a screen reader reads), duration
 * percentiles per task type, the slowest workflows and the most frequent errors.
 */
final class AnalyticsPage {
    private AnalyticsPage() {}

    static String render(Visit v) {
        String since = v.query("since").orElse("24h");
        String width = v.query("bucket").orElse("hour");
        Analytics analytics = Analytics.on(v.web().services().database());
        UUID org = v.principal().organizationId();
        String body;
        try {
            Instant from = analytics.since("since", since);
            List<ThroughputPoint> points = analytics.throughput(org, from, Bucket.named("bucket", width));
            body = """
                    <div class="charts">
                      <figure><canvas id="attempts-chart" role="img" aria-label="Attempts ended per queue and bucket"></canvas>
                        <figcaption>Attempts ended per queue</figcaption></figure>
                      <figure><canvas id="failure-chart" role="img" aria-label="Failure rate per queue and bucket"></canvas>
                        <figcaption>Failure rate per queue</figcaption></figure>
                    </div>
                    <script type="application/json" id="analytics-data">%s</script>
                    %s%s%s%s""".formatted(
                    Json.write(points).replace("</", "<\\/"),
                    Html.table(
                            "Attempts per queue and bucket (UTC)",
                            Html.th("Queue", "Bucket", "Succeeded", "Failed", "Failure rate"),
                            Html.rows(
                                    points,
                                    p -> Html.td(
                                            p.queue(),
                                            Html.time(p.bucket()),
                                            p.succeeded(),
                                            p.failed(),
                                            String.format(Locale.ROOT, "%.1f%%", 100 * p.failureRate()))),
                            "No attempt ended in this time."),
                    percentiles("Durations per task type (ms)", "Task type", analytics.durationsByTaskType(org, from)),
                    percentiles("Slowest workflows (ms)", "Workflow", analytics.slowestWorkflows(org, from, 10)),
                    Html.table(
                            "Most frequent errors",
                            Html.th("Count", "Last", "Error"),
                            Html.rows(
                                    analytics.topErrors(org, from, 10),
                                    e -> Html.td(e.count(), Html.time(e.last()), e.message())),
                            "No failed attempt in this time."));
        } catch (InvalidFieldException e) {
            body = "<p class=\"error\" role=\"alert\">" + Html.esc(e.getMessage()) + "</p>";
        }
        return Layout.page(v, "Analytics", "/analytics", """
                <section class="card wide" aria-labelledby="analytics-h">
                  <h2 id="analytics-h" class="sr-only">Analytics</h2>
                  <form method="get" action="/analytics" class="filters">
                    <label for="analytics-since">Since</label> <input id="analytics-since" name="since" value="%s">
                    <label for="analytics-bucket">Bucket</label> <input id="analytics-bucket" name="bucket" value="%s">
                    <button type="submit">Show</button>
                  </form>
                  %s
                </section>""".formatted(Html.esc(since), Html.esc(width), body));
    }

    private static String percentiles(String caption, String what, List<Percentiles> rows) {
        return Html.table(
                caption,
                Html.th(what, "Count", "p50", "p95", "p99", "Max"),
                Html.rows(rows, p -> Html.td(p.label(), p.count(), p.p50(), p.p95(), p.p99(), p.max())),
                "Nothing finished in this time.");
    }
}
