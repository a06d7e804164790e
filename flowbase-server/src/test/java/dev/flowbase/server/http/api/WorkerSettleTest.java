package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/tasks/settle}: several claimed tasks completed or failed in one call, each entry
 * fenced like the single completion; a stale entry is refused alone and the others are applied.
 */
class WorkerSettleTest {
    @EngineTest
    void aStaleEntryIsRefusedAloneWhileTheOthersAreCompletedOrFailedAsOneByOne(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String done = enqueue(api, "done");
            String failed = enqueue(api, "failed");
            String taken = enqueue(api, "taken-back");
            var claim = api.operator.post("/api/queues/settle/claim", Map.of("worker", "node-1", "max", 3));
            Map<String, Integer> attempts = new HashMap<>();
            claim.json()
                    .forEach(c -> attempts.put(
                            c.at("/task/id").asText(), c.at("/attempt").asInt()));
            // The lease on this one is gone (the worker was too late): its attempt is stale.
            api.operator.post("/api/tasks/" + taken + "/release", Map.of("attempt", attempts.get(taken)));

            var settled = api.operator.post(
                    "/api/tasks/settle",
                    Map.of(
                            "entries",
                            List.of(
                                    Map.of(
                                            "id",
                                            done,
                                            "attempt",
                                            attempts.get(done),
                                            "outcome",
                                            "succeeded",
                                            "result",
                                            Map.of("pages", 3)),
                                    Map.of("id", taken, "attempt", attempts.get(taken), "outcome", "succeeded"),
                                    Map.of(
                                            "id",
                                            failed,
                                            "attempt",
                                            attempts.get(failed),
                                            "outcome",
                                            "failed",
                                            "error",
                                            "model timed out"))));

            assertThat(settled.status()).isEqualTo(200);
            assertThat(settled.text("/results/0/id")).isEqualTo(done);
            assertThat(settled.at("/results/0/applied").asBoolean()).isTrue();
            assertThat(settled.text("/results/0/task/status")).isEqualTo("SUCCEEDED");
            assertThat(settled.at("/results/0/task/result/pages").asInt()).isEqualTo(3);
            assertThat(settled.at("/results/1/applied").asBoolean()).isFalse();
            assertThat(settled.text("/results/1/refused/type")).isEqualTo("conflict");
            assertThat(settled.at("/results/1/refused/status").asInt()).isEqualTo(409);
            assertThat(settled.text("/results/2/task/status")).isEqualTo("DEAD");
            assertThat(settled.text("/results/2/task/errorMessage")).isEqualTo("model timed out");
            assertThat(api.viewer.get("/api/tasks/" + taken).text("/status")).isEqualTo("READY");
            assertThat(firstAttempt(api, done, "/worker")).isEqualTo("node-1");
            assertThat(firstAttempt(api, done, "/status")).isEqualTo("SUCCEEDED");
            assertThat(firstAttempt(api, failed, "/status")).isEqualTo("FAILED");
            assertThat(api.viewer.get("/metrics").body())
                    .containsPattern(
                            "flowbase_queue_attempts_ended_total\\{outcome=\"succeeded\",queue=\"settle\"} 1\\.0")
                    .containsPattern("flowbase_queue_attempts_ended_total\\{outcome=\"dead\",queue=\"settle\"} 1\\.0");
        }
    }

    @EngineTest
    void aMalformedEntryRefusesTheWholeCallNamingTheEntryAndChangesNothing(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String id = enqueue(api, "kept");
            int attempt = api.operator
                    .post("/api/queues/settle/claim", Map.of("worker", "node-1"))
                    .at("/0/attempt")
                    .asInt();

            var bad = api.operator.post(
                    "/api/tasks/settle",
                    Map.of(
                            "entries",
                            List.of(
                                    Map.of("id", id, "attempt", attempt, "outcome", "succeeded"),
                                    Map.of("id", id, "attempt", attempt, "outcome", "finished"))));

            assertProblem(bad, 400, "invalid-argument");
            assertThat(bad.body()).contains("entries[1].outcome").contains("finished");
            assertThat(api.viewer.get("/api/tasks/" + id).text("/status")).isEqualTo("RUNNING");
        }
    }

    private static String enqueue(ApiServer api, String name) {
        return api.operator
                .post("/api/tasks", Map.of("name", name, "queue", "settle", "maxRetries", 0))
                .text("/id");
    }

    private static String firstAttempt(ApiServer api, String id, String field) {
        return api.viewer.get("/api/tasks/" + id + "/attempts").at("/0" + field).asText();
    }
}
