package dev.flowbase.server.web;

import dev.flowbase.config.AlertSettings;
import dev.flowbase.server.http.Access;
import dev.flowbase.store.Configuration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The organization's configurations and the installation's defaults (sensitive ones masked; admins
 * may reveal one of the organization's, which is audited, as the API does), this server's debug
 * mode switched at runtime, and the alert thresholds in force.
 */
final class SettingsPage {
    private SettingsPage() {}

    static String render(Visit v) {
        List<Configuration> configs =
                v.stores().configurations().list(v.principal().organizationId());
        List<Configuration> installation = v.stores().configurations().list(null);
        boolean admin = v.may(Access.ADMIN);
        AlertSettings alerts = v.web().services().config().alerts();
        boolean debug = v.web().services().database().queryTimings().debug();
        String debugControl = admin
                ? """
                  <form data-api="PUT /api/server/debug" data-show="debug-result" data-json-checkbox>
                    <label class="toggle"><input type="checkbox" name="enabled" id="debug-enabled"%s> Log every statement's text and time (never its values)</label>
                    <button type="submit" id="debug-save">Save</button>
                  </form>
                  <output id="debug-result" role="status" aria-live="polite"></output>""".formatted(debug ? " checked" : "")
                : "<p>Debug mode is <strong>" + (debug ? "on" : "off")
                        + "</strong>. Switching it needs an admin key.</p>";
        return Layout.page(v, "Settings", "/settings", """
                <section class="card wide" aria-labelledby="configs-h">
                  <h2 id="configs-h">Configurations</h2>
                  %s
                  %s
                </section>
                <section class="card" aria-labelledby="debug-h">
                  <h2 id="debug-h">Debug mode (this server)</h2>
                  %s
                </section>
                <section class="card" aria-labelledby="thresholds-h">
                  <h2 id="thresholds-h">Alert thresholds</h2>
                  %s
                  <p class="muted">Set in the configuration (alerts.*, see docs/configuration.md); read when the server starts.</p>
                </section>""".formatted(
                Html.table(
                        "This organization's",
                        Html.th("Key", "Value", "Type", "Description"),
                        Html.rows(configs, c -> row(c, admin)),
                        "This organization has no configurations of its own."),
                Html.table(
                        "The installation's (every organization's defaults)",
                        Html.th("Key", "Value", "Type", "Description"),
                        Html.rows(installation, c -> row(c, false)),
                        "No installation-wide configurations."),
                debugControl,
                Html.table(
                        "Thresholds",
                        Html.th("Alert", "Raised when"),
                        String.join(
                                "\n",
                                Html.td("pool", "use is above " + alerts.poolUsePercent() + " %"),
                                Html.td("disk", "use is above " + alerts.diskUsePercent() + " %"),
                                Html.td("queues", alerts.deadLetters() + " or more dead letters"),
                                Html.td(
                                        "queue lag",
                                        "the oldest ready task waited "
                                                + alerts.queueLag().toSeconds() + " s"),
                                Html.td("checked", "every " + alerts.interval().toSeconds() + " s")),
                        "")));
    }

    private static String row(Configuration c, boolean admin) {
        String value =
                c.isSensitive() ? "<span class=\"masked\">****</span>" : "<code>" + Html.esc(c.value()) + "</code>";
        if (c.isSensitive() && admin) {
            String id = "reveal-" + Integer.toHexString(c.key().hashCode());
            value += """
                     <form data-api="POST /api/configurations/%s/reveal" data-show="%s" data-field="value" class="inline">
                     <button type="submit" aria-label="Reveal %s">Reveal</button></form> <output id="%s"></output>""".formatted(Html.esc(encode(c.key())), id, Html.esc(c.key()), id);
        }
        return "<tr><th scope=\"row\"><code>" + Html.esc(c.key()) + "</code></th><td>" + value + "</td><td>"
                + Html.esc(c.type()) + "</td><td>" + Html.esc(c.description()) + "</td></tr>";
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
