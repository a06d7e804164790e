package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every change made through the API leaves an audit row naming the request it came from. */
class AuditTrailTest {
    @EngineTest
    void eachChangeIsInTheAuditLogUnderItsRequestId(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String workflow =
                    api.operator.post("/api/workflows", Map.of("name", "w")).text("/id");
            String role = api.operator
                    .post("/api/agent-roles", Map.of("name", "r", "systemPrompt", "p"))
                    .text("/id");
            String task = api.operator.post("/api/tasks", Map.of("name", "t")).text("/id");
            Map<String, Supplier<ApiClient.Answer>> changes = new LinkedHashMap<>();
            changes.put("create workflow", () -> api.operator.post("/api/workflows", Map.of("name", "w2")));
            changes.put(
                    "change workflow",
                    () -> api.operator.patch(
                            "/api/workflows/" + workflow, Map.of("priority", 3), Map.of("If-Match", "*")));
            changes.put("publish workflow", () -> api.operator.post("/api/workflows/" + workflow + "/versions", null));
            changes.put("start run", () -> api.operator.post("/api/workflows/" + workflow + "/executions", null));
            changes.put(
                    "create role",
                    () -> api.operator.post("/api/agent-roles", Map.of("name", "r2", "systemPrompt", "p")));
            changes.put(
                    "change role",
                    () -> api.operator.patch(
                            "/api/agent-roles/" + role, Map.of("model", "m"), Map.of("If-Match", "*")));
            changes.put("publish role", () -> api.operator.post("/api/agent-roles/" + role + "/versions", null));
            changes.put("enqueue", () -> api.operator.post("/api/tasks", Map.of("name", "t2")));
            changes.put(
                    "enqueue batch",
                    () -> api.operator.post("/api/tasks/batch", Map.of("tasks", List.of(Map.of("name", "b")))));
            changes.put("cancel task", () -> api.operator.post("/api/tasks/" + task + "/cancel", null));
            changes.put(
                    "put configuration",
                    () -> api.admin.put("/api/configurations/a.b", Map.of("value", "1", "type", "INTEGER")));
            changes.put("delete configuration", () -> api.admin.delete("/api/configurations/a.b"));
            changes.put(
                    "create user",
                    () -> api.admin.post("/api/users", Map.of("email", "ada@example.com", "name", "Ada")));
            changes.put("create key", () -> api.admin.post("/api/api-keys", Map.of("name", "k", "role", "viewer")));
            changes.put("delete role", () -> api.operator.delete("/api/agent-roles/" + role));
            changes.put("delete workflow", () -> api.operator.delete("/api/workflows/" + workflow));

            Map<String, String> requestIds = new LinkedHashMap<>();
            changes.forEach((what, change) -> {
                ApiClient.Answer a = change.get();
                assertThat(a.status()).as("%s: %s", what, a.body()).isBetween(200, 204);
                requestIds.put(what, a.header("X-Request-Id"));
            });
            List<String> audited = new ArrayList<>();
            var page = api.admin.get("/api/audit?limit=1000");
            page.at("/items").forEach(row -> audited.add(row.path("requestId").asText()));

            requestIds.forEach((what, id) -> assertThat(audited).as(what).contains(id));
        }
    }

    @EngineTest
    void aPageOfOneKindOfChangeHoldsOnlyTheOrganizationsOwnAndIsFull(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            List<String> ours = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ours.add(api.admin
                        .post("/api/tasks", Map.of("name", "ours-" + i))
                        .text("/id"));
            }
            // Newer than ours: a filter applied after paging would find only these on the first page.
            for (int i = 0; i < 5; i++) {
                api.otherAdmin.post("/api/tasks", Map.of("name", "theirs-" + i));
            }

            var first = api.admin.get("/api/audit?entityType=task&limit=2");
            var second = api.admin.get("/api/audit?entityType=task&limit=2&cursor=" + first.text("/nextCursor"));

            List<String> seen = new ArrayList<>(first.at("/items").findValuesAsText("entityId"));
            seen.addAll(second.at("/items").findValuesAsText("entityId"));
            assertThat(first.at("/items").size()).isEqualTo(2);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(ours);
        }
    }
}
