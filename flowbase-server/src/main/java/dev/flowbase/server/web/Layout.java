package dev.flowbase.server.web;

import java.util.List;
import java.util.Locale;

/** The frame of every page: the head with Flowbase's own assets, the navigation, the sign-out form. */
final class Layout {
    record Nav(String path, String label) {}

    static final List<Nav> NAV = List.of(
            new Nav("/", "Dashboard"),
            new Nav("/connection", "Connection"),
            new Nav("/migrations", "Migrations"),
            new Nav("/queue", "Queue"),
            new Nav("/workflows", "Workflows"),
            new Nav("/roles", "Agent roles"),
            new Nav("/logs", "Logs"),
            new Nav("/search", "Search"),
            new Nav("/analytics", "Analytics"),
            new Nav("/settings", "Settings"),
            new Nav("/backups", "Backups"));

    private Layout() {}

    static String page(Visit v, String title, String active, String body) {
        StringBuilder nav = new StringBuilder();
        for (Nav n : NAV) {
            nav.append("<li><a href=\"")
                    .append(n.path())
                    .append('"')
                    .append(n.path().equals(active) ? " aria-current=\"page\"" : "")
                    .append('>')
                    .append(Html.esc(n.label()))
                    .append("</a></li>");
        }
        String who =
                v.principal().keyName() + " · " + v.principal().role().name().toLowerCase(Locale.ROOT);
        return shell(title, v.session().csrf(), """
                <header class="top">
                  <a class="brand" href="/">Flowbase</a>
                  <nav aria-label="Pages"><ul>%s</ul></nav>
                  <form method="post" action="/logout" class="who">
                    <span>%s</span>
                    <input type="hidden" name="csrf" value="%s">
                    <button type="submit">Sign out</button>
                  </form>
                </header>
                <main id="main">
                <h1>%s</h1>
                %s
                </main>
                <dialog id="confirm" aria-labelledby="confirm-text">
                  <p id="confirm-text"></p>
                  <form method="dialog"><button value="cancel">Cancel</button> <button value="ok" id="confirm-ok">Confirm</button></form>
                </dialog>""".formatted(
                        nav, Html.esc(who), Html.esc(v.session().csrf()), Html.esc(title), body));
    }

    /** A page without navigation (sign-in). */
    static String shell(String title, String csrf, String body) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="csrf-token" content="%s">
                <meta name="htmx-config" content='{"includeIndicatorStyles":false}'>
                <title>%s · Flowbase</title>
                <link rel="stylesheet" href="/assets/flowbase.css">
                <script src="/webjars/htmx.org/2.0.10/dist/htmx.min.js" defer></script>
                <script src="/webjars/chart.js/4.5.1/dist/chart.umd.js" defer></script>
                <script src="/assets/flowbase.js" defer></script>
                </head>
                <body>
                <a class="skip" href="#main">Skip to the content</a>
                %s
                </body>
                </html>
                """.formatted(Html.esc(csrf == null ? "" : csrf), Html.esc(title), body);
    }
}
