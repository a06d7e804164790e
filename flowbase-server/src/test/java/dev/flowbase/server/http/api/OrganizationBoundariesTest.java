package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.db.Database;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one organization's keys may not reach of another's or of the installation's: idempotency
 * keys, log lines and queue counts are per organization; components are the installation's, and
 * Flowbase's own are Flowbase's.
 */
class OrganizationBoundariesTest {
    @EngineTest
    void anIdempotencyKeyIsTheOrganizationsOwn(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            Map<String, Object> task = Map.of("name", "summarise", "queue", "llm", "idempotencyKey", "doc-42");
            var ours = api.operator.post("/api/tasks", task);
            var theirs = api.otherAdmin.post("/api/tasks", task);
            var theirsAgain = api.otherAdmin.post("/api/tasks", task);

            assertThat(ours.status()).isEqualTo(201);
            assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
            assertThat(theirs.text("/id")).isNotEqualTo(ours.text("/id"));
            assertThat(theirsAgain.status()).isEqualTo(200);
            assertThat(theirsAgain.text("/id")).isEqualTo(theirs.text("/id"));
        }
    }

    @EngineTest
    void logLinesAndQueueCountsAreReadPerOrganization(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            api.operator.post("/api/tasks", Map.of("name", "ours", "queue", "acme-secret-queue"));
            var logs = Stores.create(db).logs();
            logs.append(line("acme line", api.org.id()));
            logs.append(line("other line", api.otherOrg.id()));
            logs.append(line("flowbase line", null));

            assertThat(messages(api.otherAdmin)).containsExactly("other line");
            assertThat(messages(api.operator)).containsExactly("acme line");
            assertThat(messages(api.admin)).containsExactlyInAnyOrder("acme line", "flowbase line");
            assertThat(api.otherAdmin.get("/api/queues").json().findValuesAsText("queue"))
                    .doesNotContain("acme-secret-queue");
            assertThat(api.viewer.get("/api/queues").json().findValuesAsText("queue"))
                    .contains("acme-secret-queue");
        }
    }

    @EngineTest
    void componentsAreWrittenByTheInstallationAndFlowbasesOwnByFlowbaseOnly(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            Map<String, Object> worker = Map.of("name", "node-red", "type", "worker", "version", "4.0");
            var byOtherOrganization = api.otherAdmin.post("/api/components", worker);
            var heartbeatByOther = api.otherAdmin.post("/api/components/node-red/heartbeat", Map.of());
            var byInstallation = api.operator.post("/api/components", worker);
            var flowbases = api.admin.post(
                    "/api/components", Map.of("name", "flowbase-migrations", "type", "migration-engine"));
            var flowbasesHeartbeat =
                    api.admin.post("/api/components/flowbase-migrations/heartbeat", Map.of("health", "UNHEALTHY"));

            assertProblem(byOtherOrganization, 403, "forbidden");
            assertThat(byOtherOrganization.text("/detail")).contains("installation operator");
            assertProblem(heartbeatByOther, 403, "forbidden");
            assertThat(byInstallation.status()).isEqualTo(201);
            assertProblem(flowbases, 403, "forbidden");
            assertThat(flowbases.text("/detail")).contains("written by Flowbase only");
            assertProblem(flowbasesHeartbeat, 403, "forbidden");
            assertThat(api.viewer.get("/api/components").json().findValuesAsText("name"))
                    .containsExactly("node-red");
        }
    }

    private static LogEntry.New line(String message, UUID organization) {
        return new LogEntry.New(LogEntry.Level.INFO, "Boundaries", message, null, organization, null, null, null, null);
    }

    private static List<String> messages(ApiClient client) {
        JsonNode page = client.get("/api/logs?component=Boundaries").json();
        return page.at("/items").findValuesAsText("message");
    }
}
