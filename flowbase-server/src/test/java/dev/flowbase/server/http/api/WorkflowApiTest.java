package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/** Workflows with versions and runs, and agent roles with theirs, over HTTP. */
class WorkflowApiTest {
    @EngineTest
    void aWorkflowIsChangedOnlyFromTheVersionReadPublishedRunAndCancelled(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            var created = api.operator.post(
                    "/api/workflows", Map.of("name", "nightly report", "definition", Map.of("steps", List.of("a"))));
            String id = created.text("/id");
            String etag = created.header("ETag");
            var changed =
                    api.operator.patch("/api/workflows/" + id, Map.of("description", "v2"), Map.of("If-Match", etag));
            var stale =
                    api.operator.patch("/api/workflows/" + id, Map.of("description", "v3"), Map.of("If-Match", etag));
            var published = api.operator.post("/api/workflows/" + id + "/versions", Map.of("changeNote", "first"));
            var versions = api.viewer.get("/api/workflows/" + id + "/versions");
            var run =
                    api.operator.post("/api/workflows/" + id + "/executions", Map.of("input", Map.of("day", "monday")));
            var runs = api.viewer.get("/api/workflows/" + id + "/executions");
            var cancelled = api.operator.post("/api/executions/" + run.text("/id") + "/cancel", null);
            var progress = api.viewer.get("/api/workflows/" + id + "/progress");

            assertThat(created.status()).isEqualTo(201);
            assertThat(changed.text("/description")).isEqualTo("v2");
            assertThat(changed.header("ETag")).isNotEqualTo(etag);
            assertProblem(stale, 412, "precondition-failed");
            assertThat(api.viewer.get("/api/workflows/" + id).text("/description"))
                    .isEqualTo("v2");
            assertThat(published.at("/version").asInt()).isEqualTo(1);
            assertThat(versions.json().size()).isEqualTo(1);
            assertThat(run.at("/input/day").asText()).isEqualTo("monday");
            assertThat(runs.at("/items/0/id").asText()).isEqualTo(run.text("/id"));
            assertThat(cancelled.text("/status")).isEqualTo("CANCELLED");
            assertThat(progress.at("/total").asInt()).isZero();
            assertProblem(api.otherAdmin.get("/api/workflows/" + id), 404, "not-found");
            assertThat(api.operator.delete("/api/workflows/" + id).status()).isEqualTo(204);
            assertProblem(api.viewer.get("/api/workflows/" + id), 404, "not-found");
        }
    }

    @EngineTest
    void anAgentRoleIsFoundByNameVersionedAndItsDependenciesRefuseACycle(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String writer = api.operator
                    .post("/api/agent-roles", Map.of("name", "writer", "systemPrompt", "You write.", "model", "small"))
                    .text("/id");
            String editor = api.operator
                    .post("/api/agent-roles", Map.of("name", "editor", "systemPrompt", "You edit."))
                    .text("/id");
            var byName = api.viewer.get("/api/agent-roles/by-name/writer");
            var v1 = api.operator.post("/api/agent-roles/" + writer + "/versions", null);
            var changed = api.operator.patch(
                    "/api/agent-roles/" + writer, Map.of("systemPrompt", "You write well."), Map.of("If-Match", "*"));
            var v2 = api.operator.post("/api/agent-roles/" + writer + "/versions", Map.of("changeNote", "better"));
            var first = api.viewer.get("/api/agent-roles/" + writer + "/versions/1");
            var deps = api.operator.post("/api/agent-roles/" + editor + "/dependencies", Map.of("dependsOn", writer));
            var cycle = api.operator.post("/api/agent-roles/" + writer + "/dependencies", Map.of("dependsOn", editor));
            var duplicate = api.operator.post("/api/agent-roles", Map.of("name", "writer", "systemPrompt", "again"));

            assertThat(byName.text("/id")).isEqualTo(writer);
            assertThat(v1.at("/version").asInt()).isEqualTo(1);
            assertThat(changed.text("/systemPrompt")).isEqualTo("You write well.");
            assertThat(v2.at("/version").asInt()).isEqualTo(2);
            assertThat(first.text("/systemPrompt")).isEqualTo("You write.");
            assertThat(deps.at("/0/id").asText()).isEqualTo(writer);
            assertThat(cycle.status()).isIn(400, 409);
            assertProblem(duplicate, 409, "constraint-violation");
            assertProblem(api.viewer.get("/api/agent-roles/by-name/nobody"), 404, "not-found");
        }
    }
}
