package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Map;

/** What a careless or hostile client sends is refused clearly, and changes nothing. */
class RequestSafetyTest {
    @EngineTest
    void badJsonUnknownFieldsWrongTypesAndOversizedBodiesAreNamedAndRefused(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db, Map.of("FLOWBASE_MAX_BODY_BYTES", "2048"))) {
            var notJson = api.operator.post("/api/tasks", "{\"name\": ");
            // Found by RequestBodiesFuzzTest: a body of null was a 500 (NullPointerException) on every route.
            var nullBody = api.operator.post("/api/transactions", "null");
            var unknown = api.operator.post("/api/tasks", Map.of("name", "x", "queu", "typo"));
            var wrongType = api.operator.post("/api/tasks", Map.of("name", "x", "priority", "high"));
            var badTime = api.operator.post("/api/tasks", Map.of("name", "x", "runAt", "tomorrow"));
            var missing = api.operator.post("/api/tasks", Map.of("queue", "q"));
            var huge = api.operator.post("/api/tasks", Map.of("name", "x".repeat(5000)));
            var notJsonType = api.operator.send("POST", "/api/tasks", "name=x", Map.of("Content-Type", "text/plain"));
            var badId = api.viewer.get("/api/tasks/not-a-uuid");
            var badLimit = api.viewer.get("/api/tasks?limit=0");

            assertProblem(notJson, 400, "invalid-argument");
            assertThat(notJson.text("/detail")).contains("not JSON");
            assertProblem(nullBody, 400, "invalid-argument");
            assertThat(nullBody.text("/errors/0/field")).isEqualTo("body");
            assertProblem(unknown, 400, "invalid-argument");
            assertThat(unknown.text("/errors/0/field")).isEqualTo("queu");
            assertThat(unknown.text("/detail")).contains("queue");
            assertProblem(wrongType, 400, "invalid-argument");
            assertThat(wrongType.text("/errors/0/field")).isEqualTo("priority");
            assertThat(wrongType.text("/detail")).contains("'high'").contains("whole number");
            assertThat(badTime.text("/errors/0/field")).isEqualTo("runAt");
            assertThat(missing.text("/errors/0/field")).isEqualTo("name");
            assertProblem(huge, 413, "payload-too-large");
            assertProblem(notJsonType, 415, "unsupported-media-type");
            assertThat(badId.text("/errors/0/field")).isEqualTo("id");
            assertThat(badLimit.text("/errors/0/field")).isEqualTo("limit");
            assertThat(api.viewer.get("/api/tasks").at("/items").size()).isZero();
        }
    }

    @EngineTest
    void missingUnknownAndRevokedKeysAreUnauthenticatedAtOnce(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            var created = api.admin.post("/api/api-keys", Map.of("name", "ci", "role", "operator"));
            ApiClient ci = new ApiClient("http://127.0.0.1:" + api.server.port(), created.text("/secret"));
            var before = ci.get("/api/tasks");
            var revoked = api.admin.delete("/api/api-keys/" + created.text("/key/id"));
            var after = ci.get("/api/tasks");
            var noKey = api.anonymous.get("/api/tasks");
            var wrongKey = new ApiClient("http://127.0.0.1:" + api.server.port(), "fb_not-a-key").get("/api/tasks");
            var wrongScheme = api.anonymous.send("GET", "/api/tasks", null, Map.of("Authorization", "Basic eDp5"));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text("/secret")).startsWith("fb_");
            assertThat(api.admin.get("/api/api-keys").body()).doesNotContain(created.text("/secret"));
            assertThat(before.status()).isEqualTo(200);
            assertThat(revoked.at("/revokedAt").isNull()).isFalse();
            assertProblem(after, 401, "unauthenticated");
            assertProblem(noKey, 401, "unauthenticated");
            assertProblem(wrongKey, 401, "unauthenticated");
            assertProblem(wrongScheme, 401, "unauthenticated");
        }
    }

    @EngineTest
    void aKeyOverItsRateIsToldWhenToRetryAndAnotherKeyIsNotSlowedByIt(TestDatabase test, Database db) {
        try (ApiServer api =
                ApiServer.start(test, db, Map.of("FLOWBASE_RATE_LIMIT", "1", "FLOWBASE_RATE_BURST", "3"))) {
            ApiClient.Answer limited = api.viewer.get("/api/tasks");
            int sent = 1;
            while (limited.status() != 429 && sent < 50) {
                limited = api.viewer.get("/api/tasks");
                sent++;
            }
            var other = api.operator.get("/api/tasks");

            assertThat(sent).isGreaterThan(3); // the burst went through
            assertProblem(limited, 429, "rate-limited");
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 2);
            assertThat(other.status()).isEqualTo(200);
        }
    }

    @EngineTest
    void browsersMayCallOnlyFromTheConfiguredOrigins(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db, Map.of("FLOWBASE_CORS_ORIGINS", "https://app.example"))) {
            var allowed = api.viewer.send("GET", "/api/tasks", null, Map.of("Origin", "https://app.example"));
            var other = api.viewer.send("GET", "/api/tasks", null, Map.of("Origin", "https://evil.example"));

            assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
            assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        }
        try (ApiServer api = ApiServer.start(test, db)) {
            var off = api.viewer.send("GET", "/api/tasks", null, Map.of("Origin", "https://app.example"));
            assertThat(off.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @EngineTest
    void aServerFailureSaysWhichRequestToLookUpAndNothingAboutTheDatabase(TestDatabase test, Database db)
            throws SQLException {
        try (ApiServer api = ApiServer.start(test, db)) {
            try (var c = db.connection();
                    var s = c.createStatement()) {
                s.execute("ALTER TABLE tasks RENAME TO tasks_gone");
            }
            var failed = api.viewer.get("/api/tasks");

            assertProblem(failed, 500, "database-error");
            assertThat(failed.text("/detail")).contains(failed.text("/requestId"));
            assertThat(failed.body())
                    .doesNotContain(test.name())
                    .doesNotContain("SELECT")
                    .doesNotContain("SQL")
                    .doesNotContain("no such table")
                    .doesNotContain("doesn't exist")
                    .doesNotContain("does not exist");
        }
    }
}
