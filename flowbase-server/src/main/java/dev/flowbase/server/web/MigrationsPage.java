package dev.flowbase.server.web;

import dev.flowbase.migrate.ExecutedScript;
import dev.flowbase.migrate.MigrateRequest;
import dev.flowbase.migrate.MigrateResult;
import dev.flowbase.migrate.Run;
import dev.flowbase.migrate.StatusEntry;
import dev.flowbase.migrate.StatusReport;
import dev.flowbase.server.http.Access;
import java.util.List;

/**
 * Every migration with its state, date, duration and checksum; the SQL pending ones would run;
 * and, for admins, apply, roll back (confirming what will be undone), validate and repair, each
 * through the API.
 */
final class MigrationsPage {
    private MigrationsPage() {}

    static String render(Visit v) {
        var migrator = v.web().services().migrator();
        StatusReport status = migrator.status();
        MigrateResult pending = migrator.migrate(MigrateRequest.all().with(Run.DRY_RUN));
        return Layout.page(v, "Migrations", "/migrations", """
                <section class="card wide" aria-labelledby="history-h">
                  <h2 id="history-h">History</h2>
                  %s
                </section>
                <section class="card wide" aria-labelledby="pending-h">
                  <h2 id="pending-h">Pending</h2>
                  %s
                </section>
                %s""".formatted(
                        history(status.entries()), preview(pending.executed(), v), actions(v, status.entries())));
    }

    private static String history(List<StatusEntry> entries) {
        return Html.table(
                "Migrations",
                Html.th("Version", "Description", "State", "Applied", "Took", "Checksum", "Undo"),
                Html.rows(
                        entries,
                        e -> "<tr><th scope=\"row\">" + Html.esc(e.version()) + "</th><td>" + Html.esc(e.description())
                                + "</td><td>" + Html.badge(e.state()) + "</td><td>" + Html.time(e.installedAt())
                                + "</td><td>" + (e.executionTimeMs() == null ? "—" : e.executionTimeMs() + " ms")
                                + "</td><td>" + checksum(e.checksumMatch()) + "</td><td>" + (e.hasUndo() ? "yes" : "no")
                                + "</td></tr>"),
                "No migration is known.");
    }

    private static String checksum(Boolean match) {
        return match == null ? "—" : match ? Html.badge("ok") : "<span class=\"badge bad\">changed</span>";
    }

    private static String preview(List<ExecutedScript> scripts, Visit v) {
        if (scripts.isEmpty()) {
            return "<p class=\"empty\" id=\"nothing-pending\">Nothing is pending: the schema is current.</p>";
        }
        StringBuilder out = new StringBuilder("<p>These scripts would run, in this order:</p>");
        for (ExecutedScript s : scripts) {
            out.append("<details class=\"sql\" open><summary>")
                    .append(Html.esc(s.version() + " · " + s.description() + " (" + s.statements() + " statements)"))
                    .append("</summary><pre><code>")
                    .append(Html.esc(String.join(";\n\n", s.sql())))
                    .append("</code></pre></details>");
        }
        if (v.may(Access.INSTALLATION_ADMIN)) {
            out.append("""
                    <form data-api="POST /api/migrations/apply" data-show="apply-result" data-reload>
                      <button type="submit" id="apply">Apply %d pending</button>
                    </form>
                    <output id="apply-result" role="status" aria-live="polite"></output>""".formatted(scripts.size()));
        }
        return out.toString();
    }

    private static String actions(Visit v, List<StatusEntry> entries) {
        if (!v.may(Access.INSTALLATION_ADMIN)) {
            return "<p class=\"muted\" id=\"admin-only\">Applying, rolling back and repairing need an admin key"
                    + " of the installation's organization.</p>";
        }
        List<String> applied = entries.stream()
                .filter(e -> "success".equals(e.state()) && e.version() != null)
                .map(StatusEntry::version)
                .toList();
        StringBuilder options = new StringBuilder("<option value=\"0\">0 (undo every migration)</option>");
        for (int i = 0; i < applied.size() - 1; i++) {
            options.append("<option value=\"")
                    .append(Html.esc(applied.get(i)))
                    .append("\">")
                    .append(Html.esc(applied.get(i)))
                    .append("</option>");
        }
        return """
                <section class="card wide" aria-labelledby="tools-h">
                  <h2 id="tools-h">Roll back, validate, repair</h2>
                  <form data-api="POST /api/migrations/rollback" data-confirm-rollback data-show="rollback-result" data-reload>
                    <label for="rollback-to">Roll back to version</label>
                    <select id="rollback-to" name="to">%s</select>
                    <button type="submit" id="rollback"%s>Roll back…</button>
                  </form>
                  <output id="rollback-result" role="status" aria-live="polite"></output>
                  <form data-api="GET /api/migrations/validate" data-show="validate-result">
                    <button type="submit" id="validate">Validate</button>
                  </form>
                  <output id="validate-result" role="status" aria-live="polite"></output>
                  <form data-api="POST /api/migrations/repair" data-show="repair-result" data-reload>
                    <button type="submit" id="repair">Repair the history</button>
                  </form>
                  <output id="repair-result" role="status" aria-live="polite"></output>
                </section>""".formatted(options, applied.isEmpty() ? " disabled" : "");
    }
}
