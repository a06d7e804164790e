package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tasks over HTTP: enqueue, idempotency, batches, filtered pages, requeue, cancel, audit, isolation. */
class TaskApiTest {
    @EngineTest
    void anEnqueuedTaskIsReadBackWithItsEtagAndAnIdempotentRepeatReturnsIt(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            var created = api.operator.post(
                    "/api/tasks",
                    Map.of(
                            "name",
                            "summarise",
                            "queue",
                            "llm",
                            "priority",
                            5,
                            "idempotencyKey",
                            "doc-42",
                            "parameters",
                            Map.of("doc", 42)));
            String id = created.text("/id");
            var again = api.operator.post(
                    "/api/tasks", Map.of("name", "summarise", "queue", "llm", "idempotencyKey", "doc-42"));
            var read = api.viewer.get("/api/tasks/" + id);

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text("/status")).isEqualTo("READY");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.text("/id")).isEqualTo(id);
            assertThat(read.at("/parameters/doc").asInt()).isEqualTo(42);
            assertThat(read.header("ETag"))
                    .isEqualTo("\"" + read.at("/lockVersion").asInt() + "\"");
            assertThat(read.header("X-Request-Id")).isNotBlank();
        }
    }

    @EngineTest
    void aBatchIsOneTransactionAndListsPageByCursorWithFilters(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            List<Map<String, Object>> tasks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                tasks.add(Map.of("name", "t" + i, "queue", "batch"));
            }
            var batch = api.operator.post("/api/tasks/batch", Map.of("tasks", tasks));
            var badBatch = api.operator.post(
                    "/api/tasks/batch",
                    Map.of("tasks", List.of(Map.of("name", "ok", "queue", "batch"), Map.of("queue", "batch"))));
            var first = api.viewer.get("/api/tasks?queue=batch&limit=3");
            var second = api.viewer.get("/api/tasks?queue=batch&limit=3&cursor=" + first.text("/nextCursor"));
            var ready = api.viewer.get("/api/tasks?queue=batch&status=ready&limit=10");
            var badStatus = api.viewer.get("/api/tasks?status=done");

            assertThat(batch.at("/enqueued").asInt()).isEqualTo(5);
            assertProblem(badBatch, 400, "invalid-argument");
            assertThat(badBatch.text("/errors/0/field")).isEqualTo("tasks[1].name");
            assertThat(first.at("/items").size()).isEqualTo(3);
            assertThat(second.at("/items").size()).isEqualTo(2);
            assertThat(second.at("/nextCursor").isNull()).isTrue();
            assertThat(ready.at("/items").size()).isEqualTo(5); // the bad batch added nothing
            assertProblem(badStatus, 400, "invalid-argument");
            assertThat(badStatus.text("/detail"))
                    .contains("status")
                    .contains("'done'")
                    .contains("ready");
        }
    }

    @EngineTest
    void cancelAndRequeueAreAuditedWithTheRequestIdTheClientSent(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String id =
                    api.operator.post("/api/tasks", Map.of("name", "doomed")).text("/id");
            var cancelled = api.operator.send(
                    "POST", "/api/tasks/" + id + "/cancel", null, Map.of("X-Request-Id", "req-cancel-1"));
            var again = api.operator.post("/api/tasks/" + id + "/cancel", null);
            var requeue = api.operator.post("/api/tasks/" + id + "/requeue", null);
            var audit = api.admin.get("/api/audit?entityType=task&entityId=" + id);

            assertThat(cancelled.text("/status")).isEqualTo("CANCELLED");
            assertThat(cancelled.header("X-Request-Id")).isEqualTo("req-cancel-1");
            assertProblem(again, 409, "invalid-transition");
            assertProblem(requeue, 409, "invalid-transition");
            assertThat(audit.at("/items").findValuesAsText("action")).contains("task.create", "task.cancel");
            var cancelRow = audit.at("/items/0");
            assertThat(cancelRow.get("action").asText()).isEqualTo("task.cancel");
            assertThat(cancelRow.get("requestId").asText()).isEqualTo("req-cancel-1");
            assertThat(cancelRow.get("actorLabel").asText()).isEqualTo("api key operator");
            assertThat(cancelRow.at("/beforeData/status").asText()).isEqualTo("READY");
            assertThat(cancelRow.at("/afterData/status").asText()).isEqualTo("CANCELLED");
        }
    }

    @EngineTest
    void aKeyOfAnotherOrganizationSeesNoneOfTheTasks(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String id =
                    api.operator.post("/api/tasks", Map.of("name", "private")).text("/id");

            assertProblem(api.otherAdmin.get("/api/tasks/" + id), 404, "not-found");
            assertProblem(api.otherAdmin.post("/api/tasks/" + id + "/cancel", null), 404, "not-found");
            assertThat(api.otherAdmin.get("/api/tasks").at("/items").size()).isZero();
            assertThat(api.viewer.get("/api/tasks/" + id).status()).isEqualTo(200);
        }
    }
}
