package dev.flowbase.server.web;

import dev.flowbase.server.http.Access;
import dev.flowbase.status.Alert;
import dev.flowbase.status.Report;
import dev.flowbase.util.Json;
import java.util.List;

/**
 * The first page: each part's health, the engine, the pool, the queues over the last hour as
 * charts, and the alerts on now, for keys of the installation's organization; an organization's
 * own keys see their queues. The browser keeps it current from {@code /events/dashboard}.
 */
final class DashboardPage {
    private DashboardPage() {}

    static String render(Visit v) {
        if (!v.may(Access.INSTALLATION_VIEWER)) {
            return organization(v);
        }
        Report r = v.web().status().collect();
        List<Alert> alerts = v.web().alerts().get();
        String history = Json.write(v.web().history().points()).replace("</", "<\\/");
        return Layout.page(v, "Dashboard", "/", """
                <div class="grid" data-live="/events/dashboard">
                <section aria-labelledby="health-h" class="card">
                  <h2 id="health-h">Health</h2>
                  <p>Overall: <span id="verdict">%s</span></p>
                  <p>Engine: <strong id="engine">%s %s</strong></p>
                  <p class="muted">Database: <code id="database">%s</code></p>
                </section>
                <section aria-labelledby="pool-h" class="card">
                  <h2 id="pool-h">Connection pool</h2>
                  <p><meter id="pool-meter" min="0" max="%d" value="%d" aria-describedby="pool-text"></meter></p>
                  <p id="pool-text">%s</p>
                </section>
                <section aria-labelledby="alerts-h" class="card">
                  <h2 id="alerts-h">Alerts</h2>
                  <ul id="alerts">%s</ul>
                </section>
                <section aria-labelledby="queues-h" class="card wide">
                  <h2 id="queues-h">Queues, the last hour</h2>
                  <div class="charts">
                    <figure><canvas id="depth-chart" role="img" aria-label="Tasks ready, running and dead over the last hour"></canvas>
                      <figcaption>Tasks ready, running and dead</figcaption></figure>
                    <figure><canvas id="throughput-chart" role="img" aria-label="Attempts ended per sample over the last hour"></canvas>
                      <figcaption>Attempts ended (every 15 s, this server)</figcaption></figure>
                  </div>
                  <script type="application/json" id="history">%s</script>
                </section>
                <section aria-labelledby="checks-h" class="card wide">
                  <h2 id="checks-h">Checks</h2>
                  %s
                </section>
                <section aria-labelledby="depth-h" class="card wide">
                  <h2 id="depth-h">Queues now</h2>
                  %s
                </section>
                </div>""".formatted(
                        Html.badge(r.verdict()),
                        Html.esc(r.engine()),
                        Html.esc(r.serverVersion()),
                        Html.esc(r.database()),
                        r.pool().max(),
                        r.pool().active(),
                        Html.esc(poolText(r)),
                        alerts(alerts),
                        history,
                        checks(r),
                        QueuePage.depthTable(r.queues())));
    }

    /**
     * What a key of any other organization than the installation's sees: its own queues. The
     * health, pool, alerts, checks and the hour's chart count every organization's tasks, so they
     * are the installation's (docs/security.md), as {@code /metrics} is.
     */
    private static String organization(Visit v) {
        return Layout.page(v, "Dashboard", "/", """
                <div class="grid">
                <section aria-labelledby="depth-h" class="card wide">
                  <h2 id="depth-h">Queues now</h2>
                  %s
                </section>
                <p class="muted">The installation's health, connection pool, alerts and checks are shown to keys of
                the installation's organization.</p>
                </div>""".formatted(QueuePage.depthTable(
                v.web().services().queue().withStores(v.stores()).depth())));
    }

    static String checks(Report r) {
        return Html.table(
                "Checks",
                Html.th("Part", "State", "Detail"),
                Html.rows(
                        r.checks(),
                        c -> "<tr><th scope=\"row\">" + Html.esc(c.name()) + "</th><td>" + Html.badge(c.verdict())
                                + "</td><td>" + Html.esc(c.detail()) + "</td></tr>"),
                "No checks ran.");
    }

    static String poolText(Report r) {
        return r.pool().active() + " active, " + r.pool().idle() + " idle, "
                + r.pool().waiting() + " waiting, at most " + r.pool().max();
    }

    static String alerts(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return "<li class=\"empty\">No alert is on.</li>";
        }
        return Html.rows(
                alerts,
                a -> "<li>" + Html.badge(a.severity()) + " <strong>" + Html.esc(a.name()) + "</strong>: "
                        + Html.esc(a.detail()) + " <span class=\"muted\">since " + Html.time(a.since())
                        + "</span></li>");
    }
}
