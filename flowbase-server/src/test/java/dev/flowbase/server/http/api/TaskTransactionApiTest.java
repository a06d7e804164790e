package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/** Seed 001's operations by their names: updateTaskStatus, executeTransaction; and seeding over HTTP. */
class TaskTransactionApiTest {
    @EngineTest
    void aStatusMoveFollowsTheLifeCycleAndARefusedOneNamesTheStatesAllowed(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String id =
                    api.operator.post("/api/tasks", Map.of("name", "manual")).text("/id");
            var waiting = api.operator.post("/api/tasks/" + id + "/status", Map.of("status", "pending"));
            var done = api.operator.post(
                    "/api/tasks/" + id + "/status", Map.of("status", "cancelled", "output", "not needed"));
            var backToReady = api.operator.post("/api/tasks/" + id + "/status", Map.of("status", "ready"));
            var unknown = api.operator.post("/api/tasks/" + id + "/status", Map.of("status", "finished"));

            assertThat(waiting.text("/status")).isEqualTo("PENDING");
            assertThat(done.text("/status")).isEqualTo("CANCELLED");
            assertThat(done.text("/output")).isEqualTo("not needed");
            assertProblem(backToReady, 409, "invalid-transition");
            assertProblem(unknown, 400, "invalid-argument");
            assertThat(unknown.text("/errors/0/field")).isEqualTo("status");
            assertProblem(api.viewer.post("/api/tasks/" + id + "/status", Map.of("status", "ready")), 403, "forbidden");
        }
    }

    @EngineTest
    void aTransactionCommitsEveryOperationOrNone(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String doomed =
                    api.operator.post("/api/tasks", Map.of("name", "doomed")).text("/id");
            var committed = api.operator.post(
                    "/api/transactions",
                    Map.of(
                            "operations",
                            List.of(
                                    Map.of("op", "insertTask", "task", Map.of("name", "a", "queue", "tx")),
                                    Map.of("op", "cancelTask", "id", doomed),
                                    Map.of("op", "insertTask", "task", Map.of("name", "b", "queue", "tx")))));

            String kept =
                    api.operator.post("/api/tasks", Map.of("name", "kept")).text("/id");
            var rolledBack = api.operator.post(
                    "/api/transactions",
                    Map.of(
                            "operations",
                            List.of(
                                    Map.of("op", "insertTask", "task", Map.of("name", "c", "queue", "tx")),
                                    Map.of("op", "cancelTask", "id", kept),
                                    Map.of("op", "requeueFailedTask", "id", kept))));
            var badField = api.operator.post(
                    "/api/transactions",
                    Map.of("operations", List.of(Map.of("op", "insertTask", "task", Map.of("queue", "tx")))));
            var badOp = api.operator.post(
                    "/api/transactions", Map.of("operations", List.of(Map.of("op", "dropTable", "id", kept))));

            assertThat(committed.status()).isEqualTo(200);
            assertThat(committed.at("/results").findValuesAsText("status"))
                    .containsExactly("READY", "CANCELLED", "READY");
            assertProblem(rolledBack, 409, "invalid-transition");
            assertThat(rolledBack.text("/detail")).startsWith("operations[2] (requeueFailedTask):");
            assertThat(api.viewer.get("/api/tasks?queue=tx").at("/items").findValuesAsText("name"))
                    .containsExactlyInAnyOrder("a", "b");
            assertThat(api.viewer.get("/api/tasks/" + kept).text("/status")).isEqualTo("READY");
            assertProblem(badField, 400, "invalid-argument");
            assertThat(badField.text("/errors/0/field")).isEqualTo("operations[0].task.name");
            assertProblem(badOp, 400, "invalid-argument");
            assertThat(badOp.text("/detail")).contains("dropTable").contains("insertTask, updateTaskStatus");
            var audit = api.admin.get("/api/audit?entityType=task&entityId=" + doomed);
            assertThat(audit.at("/items").findValuesAsText("action")).contains("task.cancel");
        }
    }

    @EngineTest
    void seedingOverHttpAddsOnlyWhatIsMissingAndNeedsAnAdmin(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            var first = api.admin.post("/api/seeds/run", null);
            var again = api.admin.post("/api/seeds/run", null);

            assertThat(first.status()).isEqualTo(200);
            assertThat(again.at("/seeds").findValuesAsText("name")).isNotEmpty();
            int addedAgain = 0;
            for (var seed : again.at("/seeds")) {
                for (var count : seed.get("inserted")) {
                    addedAgain += count.asInt();
                }
            }
            assertThat(addedAgain).isZero();
            assertProblem(api.operator.post("/api/seeds/run", null), 403, "forbidden");
        }
    }
}
