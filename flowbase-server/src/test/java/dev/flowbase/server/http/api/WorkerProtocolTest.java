package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The HTTP worker protocol end to end, as a Node-RED flow would use it: claim, heartbeat, complete
 * or fail with the attempt as the lease token; a stale attempt is refused; an abandoned lease comes
 * back when it runs out.
 */
class WorkerProtocolTest {
    @EngineTest
    void claimHeartbeatCompleteReleasesTheChildAndAStaleAttemptIsRefused(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String parent = api.operator
                    .post("/api/tasks", Map.of("name", "fetch", "queue", "http"))
                    .text("/id");
            String child = api.operator
                    .post("/api/tasks", Map.of("name", "summarise", "queue", "http", "dependsOn", List.of(parent)))
                    .text("/id");

            var claim = api.operator.post(
                    "/api/queues/http/claim", Map.of("worker", "node-red-1", "max", 5, "leaseSeconds", 60));
            int attempt = claim.at("/0/attempt").asInt();
            var beat = api.operator.post(
                    "/api/tasks/" + parent + "/heartbeat", Map.of("attempt", attempt, "extendSeconds", 120));
            var stale = api.operator.post("/api/tasks/" + parent + "/complete", Map.of("attempt", attempt + 1));
            var done = api.operator.post(
                    "/api/tasks/" + parent + "/complete", Map.of("attempt", attempt, "result", Map.of("pages", 3)));
            var twice = api.operator.post("/api/tasks/" + parent + "/complete", Map.of("attempt", attempt));
            var next = api.operator.post("/api/queues/http/claim", Map.of("worker", "node-red-1"));
            var attempts = api.viewer.get("/api/tasks/" + parent + "/attempts");

            assertThat(claim.json().size()).isEqualTo(1); // the child waits for its parent
            assertThat(claim.text("/0/task/id")).isEqualTo(parent);
            assertThat(claim.text("/0/worker")).isEqualTo("node-red-1");
            assertThat(beat.status()).isEqualTo(200);
            assertThat(Instant.parse(beat.text("/leaseExpiresAt")))
                    .isAfter(Instant.parse(claim.text("/0/leaseExpiresAt")));
            assertProblem(stale, 409, "conflict");
            assertThat(done.text("/status")).isEqualTo("SUCCEEDED");
            assertThat(done.at("/result/pages").asInt()).isEqualTo(3);
            assertProblem(twice, 409, "conflict");
            assertThat(next.text("/0/task/id")).isEqualTo(child);
            assertThat(attempts.at("/0/worker").asText()).isEqualTo("node-red-1");
            assertThat(attempts.at("/0/status").asText()).isEqualTo("SUCCEEDED");
            assertThat(api.viewer.get("/metrics").body())
                    .containsPattern(
                            "flowbase_queue_attempts_ended_total\\{outcome=\"succeeded\",queue=\"http\"} 1\\.0");
        }
    }

    @EngineTest
    void aKeyClaimsOnlyItsOrganizationsTasksFromAQueueOthersUseToo(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            List<String> ours = List.of(
                    api.operator
                            .post("/api/tasks", Map.of("name", "a", "queue", "shared"))
                            .text("/id"),
                    api.operator
                            .post("/api/tasks", Map.of("name", "b", "queue", "shared"))
                            .text("/id"));
            // First in the claim's order, and another organization's.
            String theirs = api.otherAdmin
                    .post("/api/tasks", Map.of("name", "c", "queue", "shared", "priority", 10))
                    .text("/id");

            var ourClaim = api.operator.post("/api/queues/shared/claim", Map.of("worker", "ours", "max", 5));
            var theirClaim = api.otherAdmin.post("/api/queues/shared/claim", Map.of("worker", "theirs", "max", 5));

            assertThat(taskIds(ourClaim)).containsExactlyInAnyOrderElementsOf(ours);
            assertThat(taskIds(theirClaim)).containsExactly(theirs);
        }
    }

    @EngineTest
    void aFailureIsRetriedUntilTheRetriesAreUsedThenItIsADeadLetterThatCanBeRequeued(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String id = api.operator
                    .post("/api/tasks", Map.of("name", "flaky", "queue", "fail", "maxRetries", 0))
                    .text("/id");
            int attempt = api.operator
                    .post("/api/queues/fail/claim", Map.of("worker", "w"))
                    .at("/0/attempt")
                    .asInt();

            var failed = api.operator.post(
                    "/api/tasks/" + id + "/fail", Map.of("attempt", attempt, "error", "model timed out"));
            var dead = api.viewer.get("/api/tasks?queue=fail&status=dead");
            var requeued = api.operator.post("/api/tasks/" + id + "/requeue", null);

            assertThat(failed.text("/status")).isEqualTo("DEAD");
            assertThat(failed.text("/errorMessage")).isEqualTo("model timed out");
            assertThat(dead.at("/items/0/id").asText()).isEqualTo(id);
            assertThat(requeued.text("/status")).isEqualTo("READY");
            assertThat(api.viewer.get("/metrics").body())
                    .containsPattern("flowbase_queue_attempts_ended_total\\{outcome=\"dead\",queue=\"fail\"} 1\\.0");
        }
    }

    @EngineTest
    void aReleasedTaskIsReadyAtOnceWithItsRetriesIntactAndTheOldAttemptIsStale(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String id = api.operator
                    .post("/api/tasks", Map.of("name", "handed-back", "queue", "release", "maxRetries", 0))
                    .text("/id");
            int attempt = api.operator
                    .post("/api/queues/release/claim", Map.of("worker", "stopping"))
                    .at("/0/attempt")
                    .asInt();

            var released = api.operator.post("/api/tasks/" + id + "/release", Map.of("attempt", attempt));
            var late = api.operator.post("/api/tasks/" + id + "/complete", Map.of("attempt", attempt));
            var again = api.operator.post("/api/queues/release/claim", Map.of("worker", "next"));

            assertThat(released.text("/status")).isEqualTo("READY");
            assertProblem(late, 409, "conflict");
            assertThat(again.at("/0/task/id").asText()).isEqualTo(id);
            assertThat(again.at("/0/attempt").asInt()).isGreaterThan(attempt);
            assertThat(api.viewer
                            .get("/api/tasks/" + id + "/attempts")
                            .at("/0/status")
                            .asText())
                    .isEqualTo("CANCELLED");
        }
    }

    @EngineTest
    void aLeaseNobodyRenewsIsReturnedToTheQueueByTheServersReaper(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db, Map.of("FLOWBASE_REAPER_INTERVAL_MS", "200"))) {
            String id = api.operator
                    .post("/api/tasks", Map.of("name", "abandoned", "queue", "reap"))
                    .text("/id");
            int attempt = api.operator
                    .post("/api/queues/reap/claim", Map.of("worker", "gone", "leaseSeconds", 1))
                    .at("/0/attempt")
                    .asInt();

            String status = awaitStatus(api, id, "READY", Duration.ofSeconds(30));
            var late = api.operator.post("/api/tasks/" + id + "/complete", Map.of("attempt", attempt));

            assertThat(status).isEqualTo("READY");
            assertProblem(late, 409, "conflict");
            assertThat(api.viewer
                            .get("/api/tasks/" + id + "/attempts")
                            .at("/0/status")
                            .asText())
                    .isEqualTo("TIMED_OUT");
        }
    }

    @EngineTest
    void debugShowsStatementsByNameWithTheirTimesAndNeverABoundValue(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            var enqueued = api.operator.post(
                    "/api/tasks?_debug=true",
                    Map.of("name", "secretive", "idempotencyKey", "value-nobody-may-see-7731"));
            var asViewer = api.viewer.get("/api/tasks?_debug=true");

            assertThat(enqueued.status()).isEqualTo(201);
            var debug = enqueued.at("/_debug");
            assertThat(debug.at("/statements").size()).isPositive();
            assertThat(debug.at("/statements").findValuesAsText("statement")).contains("INSERT tasks");
            assertThat(debug.at("/pool/max").asInt()).isPositive();
            assertThat(debug.at("/requestMs").asDouble()).isPositive();
            assertThat(debug.toString())
                    .doesNotContain("value-nobody-may-see-7731")
                    .doesNotContain("secretive");
            assertProblem(asViewer, 403, "forbidden");
        }
    }

    /** Reads the task until it has {@code status} or the deadline passes: waits on the event, not a guess. */
    private static String awaitStatus(ApiServer api, String id, String status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        String now = api.viewer.get("/api/tasks/" + id).text("/status");
        while (!now.equals(status) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            now = api.viewer.get("/api/tasks/" + id).text("/status");
        }
        return now;
    }

    private static List<String> taskIds(ApiClient.Answer claim) {
        List<String> ids = new ArrayList<>();
        claim.json().forEach(leased -> ids.add(leased.at("/task/id").asText()));
        return ids;
    }
}
