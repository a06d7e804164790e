package dev.flowbase.server.web;

import dev.flowbase.util.Every;
import dev.flowbase.util.Json;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * {@code /events/dashboard}: while a browser shows the dashboard, every {@link #EVERY} this server
 * collects the status once and sends it to each of them, with the alerts and the latest sample of
 * the hour's history; nothing is collected while nobody watches.
 */
final class LiveDashboard implements AutoCloseable {
    static final Duration EVERY = Duration.ofSeconds(2);

    private final Web web;
    private final Set<SseClient> clients = new CopyOnWriteArraySet<>();
    private final Every timer;
    private final Every sampler;

    LiveDashboard(Web web) {
        this.web = web;
        this.timer = Every.start("flowbase-dashboard", EVERY, EVERY, this::push);
        // The first sample is taken by the first reader (History.points), not at start: its queries and
        // classes would compete with serve's first requests (bench/RESULTS.md, start-up of serve).
        this.sampler = Every.start("flowbase-history", History.INTERVAL, History.INTERVAL, web.history()::sample);
    }

    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        push(client, snapshot());
    }

    private void push() {
        if (!clients.isEmpty()) {
            String snapshot = snapshot();
            clients.forEach(c -> push(c, snapshot));
        }
    }

    private void push(SseClient client, String snapshot) {
        if (client.terminated()) {
            clients.remove(client);
        } else {
            client.sendEvent("status", snapshot);
        }
    }

    private String snapshot() {
        var report = web.status().collect();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("report", report);
        doc.put("alerts", web.alerts().get());
        var points = web.history().points();
        doc.put("point", points.isEmpty() ? null : points.get(points.size() - 1));
        doc.put("poolText", DashboardPage.poolText(report));
        return Json.write(doc);
    }

    @Override
    public void close() {
        timer.close();
        sampler.close();
        clients.forEach(SseClient::close);
    }
}
