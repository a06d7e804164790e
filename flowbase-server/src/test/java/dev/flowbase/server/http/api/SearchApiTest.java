package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** GET and POST /api/search: the organization's rows only, what the key may read, bad queries a 400. */
class SearchApiTest {
    private static String q(String query) {
        return "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @EngineTest
    void aKeyFindsItsOrganizationsRowsAndABadQueryIsA400NamingTheToken(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String task = api.operator
                    .post("/api/tasks", Map.of("name", "render invoice", "description", "monthly invoice run"))
                    .text("/id");
            api.otherAdmin.post("/api/tasks", Map.of("name", "invoice of another organization"));
            Stores.create(db)
                    .logs()
                    .append(new LogEntry.New(
                            LogEntry.Level.ERROR,
                            "render",
                            "invoice failed: disk full",
                            null,
                            api.org.id(),
                            null,
                            null,
                            null,
                            null));

            var byOperator = api.operator.get(q("invoice"));
            var byViewer = api.viewer.get(q("invoice"));
            var phrase = api.operator.post("/api/search", Map.of("q", "\"disk full\" level:error"));
            var ranked = api.operator.get(q("invoice") + "&sort=relevance&limit=1");
            var bad = api.viewer.get(q("invoice 50%"));
            var badSort = api.viewer.get(q("invoice") + "&sort=oldest");

            assertThat(byOperator.status()).as(byOperator.raw().body()).isEqualTo(200);
            assertThat(byOperator.at("/items").findValuesAsText("kind")).containsExactlyInAnyOrder("TASK", "LOG");
            assertThat(byViewer.at("/items").findValuesAsText("id")).containsExactly(task);
            assertThat(phrase.at("/items").findValuesAsText("kind")).containsExactly("LOG");
            assertThat(phrase.at("/items/0/snippet").asText()).contains("disk full");
            assertThat(ranked.at("/items").size()).isEqualTo(1);
            assertProblem(bad, 400, "invalid-argument");
            assertThat(bad.raw().body()).contains("50%").contains("position 9");
            assertProblem(badSort, 400, "invalid-argument");
            // Creating the task was audited: an admin finds it, an operator may not search audit entries.
            assertThat(api.admin.get(q("kind:audit task")).at("/items").findValuesAsText("kind"))
                    .isNotEmpty()
                    .containsOnly("AUDIT");
            assertThat(api.operator.get(q("kind:audit task")).at("/items").size())
                    .isZero();
            assertThat(api.otherAdmin.get(q("invoice")).at("/items").findValuesAsText("id"))
                    .hasSize(1)
                    .doesNotContain(task);
        }
    }
}
