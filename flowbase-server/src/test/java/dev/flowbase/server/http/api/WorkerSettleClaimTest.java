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
 * {@code POST /api/tasks/settle} with {@code claim}: the batch settled and the next tasks claimed in
 * one call and one transaction; a stale entry is still refused alone, and a bad claim refuses the
 * whole call before anything is applied.
 */
class WorkerSettleClaimTest {
    @EngineTest
    void settlesTheBatchAndClaimsTheNextTasksWhileAStaleEntryIsRefusedAlone(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String done = enqueue(api, "done");
            String taken = enqueue(api, "taken-back");
            Map<String, Integer> attempts = claim(api, 2);
            String next = enqueue(api, "next");
            // The lease on this one is gone (the worker was too late): its attempt is stale.
            api.operator.post("/api/tasks/" + taken + "/release", Map.of("attempt", attempts.get(taken)));

            var settled = api.operator.post(
                    "/api/tasks/settle",
                    Map.of(
                            "entries",
                            List.of(
                                    Map.of("id", done, "attempt", attempts.get(done), "outcome", "succeeded"),
                                    Map.of("id", taken, "attempt", attempts.get(taken), "outcome", "succeeded")),
                            "claim",
                            Map.of("queue", "settle-claim", "worker", "node-2", "max", 5, "leaseSeconds", 60)));

            assertThat(settled.status()).isEqualTo(200);
            assertThat(settled.text("/results/0/task/status")).isEqualTo("SUCCEEDED");
            assertThat(settled.at("/results/1/applied").asBoolean()).isFalse();
            assertThat(settled.at("/results/1/refused/status").asInt()).isEqualTo(409);
            // The released task is ready again, so the claim takes it with the new one, at a new attempt.
            var claimed = settled.at("/claimed");
            assertThat(claimed.size()).isEqualTo(2);
            Map<String, Integer> now = new HashMap<>();
            claimed.forEach(
                    c -> now.put(c.at("/task/id").asText(), c.at("/attempt").asInt()));
            assertThat(now).containsOnlyKeys(next, taken);
            assertThat(now.get(taken)).isGreaterThan(attempts.get(taken));
            assertThat(claimed.at("/0/worker").asText()).isEqualTo("node-2");
            assertThat(claimed.at("/0/leaseExpiresAt").asText()).isNotBlank();
            assertThat(api.viewer.get("/api/tasks/" + next).text("/status")).isEqualTo("RUNNING");
        }
    }

    @EngineTest
    void aClaimAloneTakesTasksAndNoClaimAnswersNone(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String id = enqueue(api, "only");
            var alone = api.operator.post(
                    "/api/tasks/settle",
                    Map.of("entries", List.of(), "claim", Map.of("queue", "settle-claim", "worker", "node-1")));
            assertThat(alone.status()).isEqualTo(200);
            assertThat(alone.at("/results").size()).isZero();
            assertThat(alone.text("/claimed/0/task/id")).isEqualTo(id);

            var plain = api.operator.post(
                    "/api/tasks/settle",
                    Map.of(
                            "entries",
                            List.of(Map.of(
                                    "id",
                                    id,
                                    "attempt",
                                    alone.at("/claimed/0/attempt").asInt(),
                                    "outcome",
                                    "succeeded"))));
            assertThat(plain.text("/results/0/task/status")).isEqualTo("SUCCEEDED");
            assertThat(plain.at("/claimed").isNull()).isTrue();
            assertProblem(
                    api.operator.post("/api/tasks/settle", Map.of("entries", List.of())), 400, "invalid-argument");
        }
    }

    @EngineTest
    void aBadClaimRefusesTheWholeCallNamingItsFieldAndAppliesNothing(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String id = enqueue(api, "kept");
            int attempt = claim(api, 1).get(id);
            List<Map<String, Object>> entries = List.of(Map.of("id", id, "attempt", attempt, "outcome", "succeeded"));

            var tooMany = api.operator.post(
                    "/api/tasks/settle",
                    Map.of("entries", entries, "claim", Map.of("queue", "settle-claim", "worker", "w", "max", 101)));
            assertProblem(tooMany, 400, "invalid-argument");
            assertThat(tooMany.body()).contains("claim.max").contains("101").contains("1 to 100");
            var noWorker = api.operator.post(
                    "/api/tasks/settle", Map.of("entries", entries, "claim", Map.of("queue", "settle-claim")));
            assertProblem(noWorker, 400, "invalid-argument");
            assertThat(noWorker.body()).contains("claim.worker");
            var noQueue = api.operator.post(
                    "/api/tasks/settle", Map.of("entries", entries, "claim", Map.of("queue", " ", "worker", "w")));
            assertProblem(noQueue, 400, "invalid-argument");
            assertThat(noQueue.body()).contains("claim.queue");

            assertThat(api.viewer.get("/api/tasks/" + id).text("/status")).isEqualTo("RUNNING");
        }
    }

    private static String enqueue(ApiServer api, String name) {
        return api.operator
                .post("/api/tasks", Map.of("name", name, "queue", "settle-claim", "maxRetries", 0))
                .text("/id");
    }

    private static Map<String, Integer> claim(ApiServer api, int max) {
        Map<String, Integer> attempts = new HashMap<>();
        api.operator
                .post("/api/queues/settle-claim/claim", Map.of("worker", "node-1", "max", max))
                .json()
                .forEach(c ->
                        attempts.put(c.at("/task/id").asText(), c.at("/attempt").asInt()));
        return attempts;
    }
}
