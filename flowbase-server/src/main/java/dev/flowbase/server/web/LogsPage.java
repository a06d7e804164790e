package dev.flowbase.server.web;

import dev.flowbase.server.http.Access;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.LogFilter;
import dev.flowbase.store.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The log store, newest first, filtered by level, component, time and text, with a live tail. */
final class LogsPage {
    private LogsPage() {}

    static String render(Visit v) {
        if (!v.may(Access.OPERATOR)) {
            return Layout.page(
                    v, "Logs", "/logs", "<p class=\"empty\">Reading the logs needs an operator or admin key.</p>");
        }
        LogFilter filter = filter(v);
        List<LogEntry> lines =
                v.stores().logs().query(filter, PageRequest.first(100)).items();
        String level = filter.level() == null ? "" : filter.level().name().toLowerCase(Locale.ROOT);
        StringBuilder levels = new StringBuilder("<option value=\"\">any</option>");
        for (LogEntry.Level l : LogEntry.Level.values()) {
            String name = l.name().toLowerCase(Locale.ROOT);
            levels.append("<option")
                    .append(name.equals(level) ? " selected" : "")
                    .append('>')
                    .append(name)
                    .append("</option>");
        }
        return Layout.page(v, "Logs", "/logs", """
                <section class="card wide" aria-labelledby="filter-h">
                  <h2 id="filter-h" class="sr-only">Filter</h2>
                  <form method="get" action="/logs" class="filters" id="log-filter">
                    <label for="log-level">Level</label> <select id="log-level" name="level">%s</select>
                    <label for="log-component">Component</label> <input id="log-component" name="component" value="%s">
                    <label for="log-minutes">Last minutes</label> <input id="log-minutes" name="minutes" type="number" min="1" value="%s">
                    <label for="log-text">Text</label> <input id="log-text" name="text" value="%s">
                    <button type="submit">Filter</button>
                    <label class="toggle"><input type="checkbox" id="follow" data-follow="/events/logs"> Follow live</label>
                  </form>
                  <div class="scroll"><table id="log-lines">
                    <caption>Log lines, newest first</caption>
                    <thead><tr>%s</tr></thead>
                    <tbody>%s</tbody>
                  </table></div>
                </section>""".formatted(
                        levels,
                        Html.esc(v.query("component").orElse("")),
                        Html.esc(v.query("minutes").orElse("")),
                        Html.esc(v.query("text").orElse("")),
                        Html.th("Time", "Level", "Component", "Message"),
                        Html.rows(lines, LogsPage::row)));
    }

    static String row(LogEntry e) {
        return Html.td(Html.time(e.createdAt()), e.level().name().toLowerCase(Locale.ROOT), e.component(), e.message());
    }

    /** The page's filter, also the live tail's: the same query parameters. */
    static LogFilter filter(Visit v) {
        LogEntry.Level level = v.enumQuery("level", LogEntry.Level.class).orElse(null);
        int minutes = v.intQuery("minutes", 0);
        Instant since = minutes > 0 ? Instant.now().minus(Duration.ofMinutes(minutes)) : null;
        LogFilter filter = new LogFilter(
                level,
                v.query("component").orElse(null),
                null,
                since,
                v.query("text").orElse(null));
        return Access.INSTALLATION_ADMIN.allows(v.principal())
                ? filter.inWithFlowbaseLines(v.principal().organizationId())
                : filter.in(v.principal().organizationId());
    }
}
