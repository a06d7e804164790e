package dev.flowbase.server.web;

import dev.flowbase.config.ConfigEntry;
import dev.flowbase.server.http.Access;
import java.util.Locale;

/** The settings this server runs with (secrets shown as ****) and a button that tests the connection. */
final class ConnectionPage {
    private ConnectionPage() {}

    static String render(Visit v) {
        var config = v.web().services().config();
        String rows = Html.rows(
                config.entries(),
                (ConfigEntry e) -> "<tr><th scope=\"row\"><code>" + Html.esc(e.key()) + "</code></th><td><code>"
                        + Html.esc(e.shownValue()) + "</code></td><td>"
                        + Html.esc(e.source().describe()) + "</td></tr>");
        String test = v.may(Access.OPERATOR)
                ? """
                  <form data-api="POST /api/database/test-connection" data-show="connection-result">
                    <button type="submit" id="test-connection">Test connection</button>
                  </form>
                  <output id="connection-result" role="status" aria-live="polite"></output>"""
                : "<p class=\"muted\">Testing the connection needs an operator or admin key.</p>";
        return Layout.page(v, "Connection", "/connection", """
                <section class="card wide" aria-labelledby="target-h">
                  <h2 id="target-h">Database</h2>
                  <p><code>%s</code> (%s, environment <strong>%s</strong>)</p>
                  %s
                </section>
                <section class="card wide" aria-labelledby="settings-h">
                  <h2 id="settings-h">Settings</h2>
                  <p class="muted">Where each value came from; passwords, keys and URL credentials are shown as ****.</p>
                  %s
                </section>""".formatted(
                        Html.esc(config.database().describeTarget()),
                        Html.esc(config.database().engine().name().toLowerCase(Locale.ROOT)),
                        Html.esc(config.environment()),
                        test,
                        Html.table("Settings", Html.th("Setting", "Value", "From"), rows, "No settings.")));
    }
}
