package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/** The administration routes: configurations and their secrets, migrations, the database itself. */
class AdminApiTest {
    @EngineTest
    void aSensitiveConfigurationIsShownMaskedAndRevealedOnlyToAnAdminWithAnAuditRow(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            var put = api.admin.put(
                    "/api/configurations/llm.api_key",
                    Map.of("value", "sk-very-secret-123", "type", "STRING", "sensitive", true));
            var listed = api.viewer.get("/api/configurations");
            var byOperator = api.operator.post("/api/configurations/llm.api_key/reveal", null);
            var revealed = api.admin.post("/api/configurations/llm.api_key/reveal", null);
            var audit = api.admin.get("/api/audit");

            assertThat(put.status()).isEqualTo(200);
            assertThat(put.body()).doesNotContain("sk-very-secret-123");
            assertThat(listed.body()).contains("llm.api_key").doesNotContain("sk-very-secret-123");
            assertProblem(byOperator, 403, "forbidden");
            assertThat(revealed.text("/value")).isEqualTo("sk-very-secret-123");
            assertThat(audit.at("/items").findValuesAsText("action"))
                    .contains("configuration.reveal", "configuration.put");
            assertThat(audit.body()).doesNotContain("sk-very-secret-123");
        }
    }

    @EngineTest
    void migrationsAreListedPreviewedRolledBackAndAppliedAgainByAnAdmin(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            var status = api.viewer.get("/api/migrations");
            var preview = api.admin.post("/api/migrations/rollback", Map.of("to", "3", "dryRun", true));
            var rolledBack = api.admin.post("/api/migrations/rollback", Map.of("to", "3"));
            var pending = api.viewer.get("/api/migrations/pending");
            var applied = api.admin.post("/api/migrations/apply", null);
            var valid = api.viewer.get("/api/migrations/validate");
            var byOperator = api.operator.post("/api/migrations/apply", null);
            var byAnotherOrganization = api.otherAdmin.post("/api/migrations/rollback", Map.of("to", "1"));

            assertThat(status.at("/entries").findValuesAsText("state")).containsOnly("success");
            assertThat(preview.at("/dryRun").asBoolean()).isTrue();
            assertThat(preview.at("/undone/0/sql").size()).isPositive();
            assertThat(rolledBack.at("/undone/0/version").asText()).isEqualTo("7");
            assertThat(pending.at("/executed/0/version").asText()).isEqualTo("4");
            assertThat(pending.at("/executed/0/sql").size()).isPositive();
            assertThat(applied.at("/executed/0/version").asText()).isEqualTo("4");
            assertThat(valid.at("/problems").size()).isZero();
            assertProblem(byOperator, 403, "forbidden");
            // The schema is every organization's: another organization's admin may not change it.
            assertProblem(byAnotherOrganization, 403, "forbidden");
            assertThat(api.admin
                            .get("/api/audit?entityType=schema")
                            .at("/items")
                            .findValuesAsText("action"))
                    .contains("migration.rollback", "migration.apply");
        }
    }

    @EngineTest
    void theDatabaseRoutesReportTheEngineWithoutNamingItsHost(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            var connection = api.operator.post("/api/database/test-connection", null);
            var status = api.viewer.get("/api/database/status");
            var statistics = api.viewer.get("/api/database/statistics");
            var schema = api.viewer.get("/api/schema/validate");
            var health = api.anonymous.get("/health");

            assertThat(connection.text("/provider")).isNotBlank();
            assertThat(connection.at("/roundTripMs").asDouble()).isPositive();
            assertThat(status.text("/report/engine")).isEqualTo(test.engine().id());
            assertThat(status.at("/report/pool/max").asInt()).isPositive();
            assertThat(statistics.at("/tables").findValuesAsText("name")).contains("tasks", "task_queue");
            assertThat(schema.at("/matches").asBoolean()).as(schema.body()).isTrue();
            assertThat(health.status()).isEqualTo(200);
            for (var a : List.of(connection, status, statistics, schema, health)) {
                assertThat(a.body()).doesNotContain("127.0.0.1").doesNotContain("localhost");
            }
        }
    }

    @EngineTest
    void componentsRegisterAndReportTheirHealth(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            var registered = api.operator.post(
                    "/api/components", Map.of("name", "node-red", "type", "worker", "version", "4.0"));
            var beat = api.operator.post(
                    "/api/components/node-red/heartbeat", Map.of("health", "DEGRADED", "details", Map.of("lag", 3)));
            var listed = api.viewer.get("/api/components");

            assertThat(registered.status()).isEqualTo(201);
            assertThat(beat.text("/health")).isEqualTo("DEGRADED");
            assertThat(beat.at("/lastHeartbeatAt").isNull()).isFalse();
            assertThat(listed.json().findValuesAsText("name")).contains("node-red");
        }
    }
}
