package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TaskHistory;
import dev.flowbase.testing.TestDatabase;
import java.time.Duration;

/** GET /api/analytics/*: the organization's own attempts, bad parameters a 400 naming them. */
class AnalyticsApiTest {
    @EngineTest
    void theOrganizationsAttemptsShowInEveryFigure(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            Stores stores = Stores.create(db);
            var task = new TaskHistory(db, stores)
                    .add(NewTask.named(api.org.id(), "ask").inQueue("llm").ofType("chat"));
            new TaskHistory(db, stores).attempt(task, 1, Duration.ZERO, ExecutionStatus.FAILED, "overloaded");

            var durations = api.viewer.get("/api/analytics/durations?since=1h");
            var throughput = api.viewer.get("/api/analytics/throughput?bucket=minute");
            var errors = api.viewer.get("/api/analytics/errors");
            var slowest = api.viewer.get("/api/analytics/slowest-workflows?limit=5");
            var other = api.otherAdmin.get("/api/analytics/errors");

            assertThat(durations.at("/0/group").asText()).isEqualTo("chat");
            assertThat(durations.at("/0/count").asLong()).isEqualTo(1);
            assertThat(throughput.at("/0/queue").asText()).isEqualTo("llm");
            assertThat(throughput.at("/0/failureRate").asDouble()).isEqualTo(1.0);
            assertThat(errors.at("/0/message").asText()).isEqualTo("overloaded");
            assertThat(slowest.json().size()).isZero();
            assertThat(other.json().size()).isZero();
            assertProblem(api.viewer.get("/api/analytics/throughput?bucket=week"), 400, "invalid-argument");
            assertProblem(api.viewer.get("/api/analytics/errors?since=yesterday"), 400, "invalid-argument");
        }
    }
}
