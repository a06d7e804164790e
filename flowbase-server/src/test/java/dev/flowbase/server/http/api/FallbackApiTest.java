package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;
import dev.flowbase.db.RetryPolicy;
import dev.flowbase.engine.Engine;
import dev.flowbase.resilience.BreakerSettings;
import dev.flowbase.testing.FaultProxy;
import dev.flowbase.testing.SettableClock;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The API over a PostgreSQL primary behind a {@link FaultProxy}, with a SQLite fallback: while the
 * primary is cut off a new task is answered 202 and marked degraded, a completion is refused with a
 * 503 that says why, and the server's replayer writes the task to the primary once it returns.
 */
class FallbackApiTest {
    private static final Duration OPEN_WAIT = Duration.ofSeconds(3);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-08T00:00:00Z"));

    @Test
    void aNewTaskIsAcceptedAndDeferredWhileACompletionIsRefusedAndTheTaskReachesThePrimary()
            throws InterruptedException {
        Assumptions.assumeTrue(
                TestEngines.selected().containsAll(List.of(Engine.POSTGRESQL, Engine.SQLITE)),
                "needs PostgreSQL and SQLite");
        try (TestDatabase primary = TestDatabase.create(Engine.POSTGRESQL);
                TestDatabase second = TestDatabase.create(Engine.SQLITE);
                FaultProxy proxy =
                        FaultProxy.to(primary.config().host(), primary.config().port());
                Database db = open(primary, proxy);
                ApiServer api = ApiServer.start(primary, db, Map.of("DB_FALLBACK_URL", second.url()))) {
            var before = api.operator.post("/api/tasks", Map.of("name", "before", "queue", "jobs"));
            assertThat(before.status()).isEqualTo(201);

            proxy.reset();
            var deferred = api.operator.post(
                    "/api/tasks?_debug=true", Map.of("name", "during", "queue", "jobs", "idempotencyKey", "k-1"));
            var completion = api.operator.post("/api/tasks/" + before.text("/id") + "/complete", Map.of("attempt", 1));

            assertThat(deferred.status()).isEqualTo(202);
            assertThat(deferred.header("Flowbase-Degraded")).isEqualTo("fallback");
            assertThat(deferred.text("/status")).isEqualTo("PENDING");
            assertThat(deferred.text("/_debug/degraded")).contains("fallback's outbox");
            assertThat(completion.status()).isEqualTo(503);
            assertThat(completion.header("Retry-After")).isNotBlank();
            assertThat(completion.text("/type")).endsWith("/unavailable");
            assertThat(completion.text("/detail"))
                    .contains("primary database is unreachable")
                    .contains("accepts only new tasks")
                    .doesNotContain(primary.config().host());

            proxy.heal();
            clock.advance(OPEN_WAIT.plusMillis(1));
            String id = deferred.text("/id");
            // The replayer runs every 2 s: wait for the task it writes (bounded), not for a time.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (api.operator.get("/api/tasks/" + id).status() != 200) {
                assertThat(System.nanoTime())
                        .as("the replayed task in the primary")
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
            var replayed = api.operator.get("/api/tasks/" + id);
            assertThat(replayed.text("/status")).isEqualTo("READY");
            assertThat(replayed.text("/idempotencyKey")).isEqualTo("k-1");
            assertThat(api.viewer.get("/metrics").body())
                    .contains("flowbase_fallback_accepted_total 1")
                    .contains("flowbase_fallback_replayed_total 1")
                    .contains("flowbase_fallback_outbox_tasks{state=\"waiting\"} 0");
        }
    }

    private Database open(TestDatabase test, FaultProxy proxy) {
        DatabaseConfig proxied = DatabaseConfig.fromUrl(proxy.urlFor(test)).toBuilder()
                .pool(new PoolSettings(4, 0, Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .breaker(new BreakerSettings(50, 4, OPEN_WAIT, Duration.ZERO))
                .build();
        return Database.open(proxied, RetryPolicy.DEFAULT, clock);
    }
}
