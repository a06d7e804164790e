package dev.flowbase.server.http.routes;

import dev.flowbase.search.Analytics;
import dev.flowbase.search.Bucket;
import dev.flowbase.search.ErrorCount;
import dev.flowbase.search.Percentiles;
import dev.flowbase.search.ThroughputPoint;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Body;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import java.time.Instant;

/** Trends of the caller's organization, computed in SQL (docs/search.md#analytics). */
public final class AnalyticsRoutes implements RouteGroup {
    @Override
    public void register(Router r) {
        r.group("analytics");
        r.get("/api/analytics/durations", Access.VIEWER, this::durations)
                .summary("Attempt duration percentiles (p50, p95, p99, max) per task type")
                .query("since", "an age such as 24h or 7d, or an ISO-8601 instant (24h)")
                .returns(Body.listOf(Percentiles.class));
        r.get("/api/analytics/slowest-workflows", Access.VIEWER, this::slowest)
                .summary("Run duration percentiles per workflow, slowest p95 first")
                .query("since", "an age such as 24h or 7d, or an ISO-8601 instant (24h)")
                .query("limit", "at most this many workflows, 1 to 100 (10)")
                .returns(Body.listOf(Percentiles.class));
        r.get("/api/analytics/throughput", Access.VIEWER, this::throughput)
                .summary("Finished attempts and failure rate per queue in time buckets")
                .query("since", "an age such as 24h or 7d, or an ISO-8601 instant (24h)")
                .query("bucket", "minute, hour or day (hour)")
                .returns(Body.listOf(ThroughputPoint.class));
        r.get("/api/analytics/errors", Access.VIEWER, this::errors)
                .summary("The most frequent errors of failed attempts")
                .query("since", "an age such as 24h or 7d, or an ISO-8601 instant (24h)")
                .query("limit", "at most this many errors, 1 to 100 (10)")
                .returns(Body.listOf(ErrorCount.class));
    }

    private static Analytics analytics(Call call) {
        return Analytics.on(call.services().database());
    }

    private static Instant since(Call call, Analytics analytics) {
        return analytics.since("since", call.query("since").orElse("24h"));
    }

    private Object durations(Call call) {
        Analytics a = analytics(call);
        return a.durationsByTaskType(call.organization(), since(call, a));
    }

    private Object slowest(Call call) {
        Analytics a = analytics(call);
        return a.slowestWorkflows(call.organization(), since(call, a), call.intQuery("limit", 10, 1, 100));
    }

    private Object throughput(Call call) {
        Analytics a = analytics(call);
        Bucket bucket = Bucket.named("bucket", call.query("bucket").orElse("hour"));
        return a.throughput(call.organization(), since(call, a), bucket);
    }

    private Object errors(Call call) {
        Analytics a = analytics(call);
        return a.topErrors(call.organization(), since(call, a), call.intQuery("limit", 10, 1, 100));
    }
}
