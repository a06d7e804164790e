package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.db.Database;
import dev.flowbase.server.http.Access;
import dev.flowbase.store.AccessRole;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The tenancy matrix, walked from the served OpenAPI document so a new route cannot be left out:
 * two organizations each hold rows of every kind, and every operation of the document is called by
 * each role of one organization with the other's ids in its path and query. A route that reaches
 * another organization's row answers 404 (403 where the caller's role may not call it at all);
 * no answer, list, count, search or live event holds the other's marker word or ids; and the other
 * organization sees its rows exactly as before. Both ways: the installation's organization against
 * another, and another against the installation's (whose admin has no more right to an
 * organization's rows than anyone else: installation-wide routes are the installation's own).
 */
class TenancyMatrixTest {
    /**
     * Bodies that get past a route's validation to its organization check (a 400 would hide a
     * missing check). Any other operation with a body gets {@code {}}; one that answers 400 to it
     * fails the test until it has a body here.
     */
    private static final Map<String, String> BODIES = Map.of(
            "PATCH /api/workflows/{id}", "{\"description\":\"matrix\"}",
            "PATCH /api/agent-roles/{id}", "{\"description\":\"matrix\"}",
            "POST /api/tasks/{id}/status", "{\"status\":\"cancelled\"}",
            "POST /api/tasks/{id}/heartbeat", "{\"attempt\":1}",
            "POST /api/tasks/{id}/complete", "{\"attempt\":1,\"output\":\"matrix\"}",
            "POST /api/tasks/{id}/fail", "{\"attempt\":1,\"error\":\"matrix\"}",
            "POST /api/tasks/{id}/release", "{\"attempt\":1}",
            "PUT /api/configurations/{key}", "{\"value\":\"matrix\",\"type\":\"STRING\"}",
            "POST /api/queues/{queue}/claim", "{\"worker\":\"matrix\",\"max\":10}");

    /**
     * Operations whose path names a key in the caller's own namespace (a configuration key, a queue):
     * the caller reaches its own organization's configuration or queue of that name, never the
     * other's. They run last, so the configuration one makes cannot answer the other routes.
     */
    private static final Set<String> OWN_NAMESPACE =
            Set.of("PUT /api/configurations/{key}", "POST /api/queues/{queue}/claim");

    /** The victim's rows named in a body instead of a path: each is refused, and nothing of them is answered. */
    private static String bodyNaming(String operation, Tenant victim) {
        return switch (operation) {
            case "POST /api/tasks/settle" ->
                "{\"entries\":[{\"id\":\"" + victim.runningTask() + "\",\"attempt\":1,\"outcome\":\"succeeded\"}]}";
            case "POST /api/search" -> "{\"query\":\"" + victim.marker() + "\"}";
            default -> null;
        };
    }

    @EngineTest
    void noRouteReadsOrChangesAnotherOrganizationsRows(TestDatabase test, Database db) throws Exception {
        try (ApiServer api = ApiServer.start(test, db)) {
            Stores stores = Stores.create(db);
            Random random = new Random();
            Map<AccessRole, ApiClient> others = new EnumMap<>(AccessRole.class);
            for (AccessRole role : AccessRole.values()) {
                others.put(role, role == AccessRole.ADMIN ? api.otherAdmin : api.client(api.otherOrg, role));
            }
            try (SseReader otherListens = new SseReader(api.base(), api.otherAdmin.key(), "", null)) {
                assertThat(otherListens.status()).isEqualTo(200);
                Tenant installation = Tenant.make(api.admin, stores, api.org.id(), random);
                Tenant other = Tenant.make(api.otherAdmin, stores, api.otherOrg.id(), random);
                String installationBefore = seenBy(api, api.admin, installation);
                String otherBefore = seenBy(api, api.otherAdmin, other);

                List<String> wrong = new ArrayList<>();
                // The pages first: the API walk leaves rows of the caller's own named like the victim's
                // (a configuration PUT under the victim's key name), which its own pages rightly show.
                pages(PageSession.signIn(api.base(), api.otherAdmin.key()), false, installation, wrong);
                pages(PageSession.signIn(api.base(), api.admin.key()), true, other, wrong);
                int calls = walk(api, others, false, installation, wrong);
                calls += walk(
                        api,
                        Map.of(
                                AccessRole.ADMIN,
                                api.admin,
                                AccessRole.OPERATOR,
                                api.operator,
                                AccessRole.VIEWER,
                                api.viewer),
                        true,
                        other,
                        wrong);

                // Live events: a task of the listener's own is the fence; nothing of the installation's came before it.
                String fence = api.otherAdmin
                        .post("/api/tasks", Map.of("name", "fence"))
                        .text("/id");
                List<String> events = new ArrayList<>();
                while (events.stream().noneMatch(e -> e.contains(fence))) {
                    events.add(otherListens.next().data());
                }
                events.forEach(e ->
                        leaks("GET /api/events", e, installation, List.of()).ifPresent(wrong::add));

                assertThat(wrong).isEmpty();
                assertThat(calls).isGreaterThan(150);
                assertThat(seenBy(api, api.admin, installation)).isEqualTo(installationBefore);
                assertThat(seenBy(api, api.otherAdmin, other)).isEqualTo(otherBefore);
            }
        }
    }

    /** Every operation of the document, by each of {@code callers}, aimed at {@code victim}'s rows. */
    private static int walk(
            ApiServer api,
            Map<AccessRole, ApiClient> callers,
            boolean installation,
            Tenant victim,
            List<String> wrong) {
        JsonNode doc = api.anonymous.get("/openapi.json").json();
        List<String[]> operations = new ArrayList<>();
        for (var path : doc.at("/paths").properties()) {
            for (var op : path.getValue().properties()) {
                operations.add(new String[] {
                    op.getKey().toUpperCase(Locale.ROOT),
                    path.getKey(),
                    op.getValue().path("x-access").asText()
                });
            }
        }
        // Reads first, then writes, then the routes that act in the caller's own namespace.
        operations.sort(Comparator.comparingInt(
                (String[] o) -> OWN_NAMESPACE.contains(o[0] + " " + o[1]) ? 2 : o[0].equals("GET") ? 0 : 1));
        int calls = 0;
        for (String[] o : operations) {
            String method = o[0], template = o[1], operation = method + " " + template;
            Access access = Access.valueOf(o[2].toUpperCase(Locale.ROOT).replace(' ', '_'));
            boolean installationWide = access.label().startsWith("installation ");
            if (installation && installationWide) {
                continue; // the installation's own routes: what they show belongs to the installation
            }
            JsonNode node = doc.at("/paths").get(template).get(o[0].toLowerCase(Locale.ROOT));
            List<String> queryNames = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("query")) {
                    queryNames.add(p.path("name").asText());
                }
            });
            TenancyPaths.Aimed aimed = TenancyPaths.aim(template, queryNames, victim);
            if (aimed == null) {
                wrong.add(operation
                        + ": no row of the other organization is known for its path; add one to TenancyPaths");
                continue;
            }
            String body = bodyNaming(operation, victim);
            List<String> sent = new ArrayList<>(aimed.named());
            if (body != null) {
                victim.ids().stream().filter(body::contains).forEach(sent::add);
                sent.add(victim.marker());
            } else if (!method.equals("GET") && node.has("requestBody")) {
                body = BODIES.getOrDefault(operation, "{}");
            }
            for (var caller : callers.entrySet()) {
                for (String url : aimed.urls()) {
                    var answer = caller.getValue().send(method, url, body, Map.of());
                    calls++;
                    String who = operation + " as " + (installation ? "the installation's " : "another organization's ")
                            + caller.getKey().name().toLowerCase(Locale.ROOT) + " (" + url + ")";
                    boolean may = access.allows(caller.getKey(), installation);
                    int status = answer.status();
                    if (status >= 500 || status == 400 && aimed.namesARow()) {
                        wrong.add(who + " answered " + status + " before its organization check: " + answer.body());
                    } else if (!may && status != 403) {
                        wrong.add(who + " answered " + status + " where the role may not call it");
                    } else if (may && aimed.namesARow() && !OWN_NAMESPACE.contains(operation) && status != 404) {
                        wrong.add(who + " answered " + status + " for the other organization's row: " + answer.body());
                    }
                    leaks(who, answer.body(), victim, sent).ifPresent(wrong::add);
                }
            }
        }
        return calls;
    }

    /**
     * The admin page, signed in with a key of the other organization: every page (listed here, as
     * the pages are not in the OpenAPI document), aimed at the victim's rows where a page takes an
     * id or a filter. The dashboard's installation-wide parts are the installation's own to see.
     */
    private static void pages(PageSession page, boolean installation, Tenant victim, List<String> wrong) {
        List<String> paths = new ArrayList<>(List.of(
                "/connection", "/migrations", "/queue", "/workflows", "/roles", "/logs", "/analytics", "/settings"));
        paths.addAll(
                List.of("/queue?queue=" + victim.queue(), "/logs?text=log+line", "/search?q=" + victim.roleName()));
        if (!installation) {
            paths.add("/");
        }
        for (String path : paths) {
            var answer = page.get(path);
            if (answer.statusCode() != 200) {
                wrong.add("page " + path + " answered " + answer.statusCode());
            }
            String sent = path.contains("=") ? path.substring(path.indexOf('=') + 1) : "";
            leaks("page " + path, answer.body(), victim, List.of(sent)).ifPresent(wrong::add);
        }
        var theirs = page.get("/workflows/" + victim.workflow());
        if (theirs.statusCode() != 404) {
            wrong.add("page /workflows/{id} with the other organization's workflow answered " + theirs.statusCode());
        }
    }

    /** What of {@code victim} {@code body} holds, beyond the values the caller itself sent in the path. */
    static Optional<String> leaks(String who, String body, Tenant victim, List<String> sent) {
        String rest = body == null ? "" : body;
        for (String s : sent) {
            rest = rest.replace(s, "");
        }
        List<String> found = new ArrayList<>();
        if (rest.contains(victim.marker())) {
            found.add("the marker " + victim.marker());
        }
        for (String id : victim.ids()) {
            if (rest.contains(id)) {
                found.add("the id " + id);
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(who + " leaked " + found + ": " + body);
    }

    /** What an organization sees of its own rows: changed by nothing the other organization sends. */
    private static String seenBy(ApiServer api, ApiClient owner, Tenant t) {
        StringBuilder seen = new StringBuilder();
        for (String url : List.of(
                "/api/workflows/" + t.workflow(),
                "/api/workflows/" + t.workflow() + "/versions",
                "/api/executions/" + t.execution(),
                "/api/agent-roles/" + t.role(),
                "/api/agent-roles/" + t.role() + "/versions",
                "/api/tasks/" + t.waitingTask(),
                "/api/tasks/" + t.runningTask(),
                "/api/configurations/" + t.configuration(),
                "/api/api-keys",
                "/api/users")) {
            // A key's lastUsedAt moves whenever its owner uses it: not a change the other organization made.
            String body = owner.get(url).body().replaceAll("\"lastUsedAt\":(null|\"[^\"]*\")", "");
            seen.append(url).append(' ').append(body).append('\n');
        }
        return seen.toString();
    }
}
