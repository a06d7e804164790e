package dev.flowbase.server.web;

import dev.flowbase.store.AgentRole;
import dev.flowbase.store.AgentRoleVersion;
import dev.flowbase.store.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The agent roles; one role with two of its versions side by side and the roles it depends on. */
final class RolesPage {
    private RolesPage() {}

    static String render(Visit v) {
        UUID org = v.principal().organizationId();
        List<AgentRole> roles =
                v.stores().agentRoles().list(org, null, PageRequest.first(200)).items();
        Optional<AgentRole> chosen = v.query("role")
                .flatMap(id ->
                        roles.stream().filter(r -> r.id().toString().equals(id)).findFirst());
        String list = Html.table(
                "Agent roles",
                Html.th("Role", "Model", "Status", "Version", "Description"),
                Html.rows(
                        roles,
                        r -> "<tr><th scope=\"row\"><a href=\"/roles?role=" + r.id() + "\">" + Html.esc(r.name())
                                + "</a></th><td>" + Html.esc(r.model()) + "</td><td>" + Html.badge(r.status())
                                + "</td><td>" + (r.currentVersion() == null ? "—" : r.currentVersion()) + "</td><td>"
                                + Html.esc(r.description()) + "</td></tr>"),
                "No agent roles yet.");
        return Layout.page(
                v,
                "Agent roles",
                "/roles",
                "<section class=\"card wide\">" + list + "</section>"
                        + chosen.map(r -> detail(v, r)).orElse(""));
    }

    private static String detail(Visit v, AgentRole role) {
        List<AgentRoleVersion> versions = v.stores().agentRoles().versions(role.id());
        List<AgentRole> deps = v.stores().agentRoles().dependencies(role.id());
        int last = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
        int a = v.intQuery("a", Math.max(1, last - 1));
        int b = v.intQuery("b", last);
        StringBuilder choices = new StringBuilder();
        for (String side : List.of("a", "b")) {
            int picked = side.equals("a") ? a : b;
            choices.append("<label for=\"version-")
                    .append(side)
                    .append("\">")
                    .append(side.equals("a") ? "Left" : "Right")
                    .append("</label> <select id=\"version-")
                    .append(side)
                    .append("\" name=\"")
                    .append(side)
                    .append("\">");
            for (AgentRoleVersion x : versions) {
                choices.append("<option")
                        .append(x.version() == picked ? " selected" : "")
                        .append('>')
                        .append(x.version())
                        .append("</option>");
            }
            choices.append("</select> ");
        }
        return """
                <section class="card wide" aria-labelledby="role-h">
                  <h2 id="role-h">%s</h2>
                  <p>Depends on: %s</p>
                  <form method="get" action="/roles" class="filters">
                    <input type="hidden" name="role" value="%s">%s<button type="submit">Compare</button>
                  </form>
                  <div class="side-by-side">%s%s</div>
                </section>""".formatted(
                Html.esc(role.name()),
                deps.isEmpty()
                        ? "nothing"
                        : String.join(
                                ", ", deps.stream().map(d -> Html.esc(d.name())).toList()),
                role.id(),
                versions.isEmpty() ? "" : choices,
                column(versions, a),
                column(versions, b));
    }

    private static String column(List<AgentRoleVersion> versions, int version) {
        return versions.stream()
                .filter(x -> x.version() == version)
                .findFirst()
                .map(x -> """
                        <article class="version" aria-label="Version %d">
                          <h3>Version %d</h3>
                          <p class="muted">%s · %s</p>
                          <dl><dt>Model</dt><dd>%s</dd><dt>System prompt</dt><dd><pre>%s</pre></dd>
                          <dt>Tools</dt><dd><code>%s</code></dd><dt>Parameters</dt><dd><code>%s</code></dd></dl>
                        </article>""".formatted(
                                x.version(),
                                x.version(),
                                Html.time(x.createdAt()),
                                Html.esc(x.changeNote() == null ? "no note" : x.changeNote()),
                                Html.esc(x.model()),
                                Html.esc(x.systemPrompt()),
                                Html.esc(x.tools()),
                                Html.esc(x.parameters())))
                .orElse("<p class=\"empty\">No published version " + version + ".</p>");
    }
}
