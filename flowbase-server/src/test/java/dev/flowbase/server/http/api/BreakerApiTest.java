package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;
import dev.flowbase.db.RetryPolicy;
import dev.flowbase.resilience.BreakerOpenException;
import dev.flowbase.resilience.BreakerSettings;
import dev.flowbase.resilience.BreakerState;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.FaultProxy;
import dev.flowbase.testing.SettableClock;
import dev.flowbase.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;

/**
 * While the database's breaker is open, the API answers at once with 503, {@code Retry-After} and
 * a problem+json body that names no host; /metrics and /health show the state; when the server
 * answers again after the open wait, so does the API.
 */
class BreakerApiTest {
    private static final Duration OPEN_WAIT = Duration.ofSeconds(7);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T15:00:00Z"));

    @EngineTest
    void anOpenBreakerAnswers503WithRetryAfterAndTheApiRecoversWhenTheDatabaseDoes(TestDatabase test) {
        Assumptions.assumeFalse(test.engine().isEmbedded(), "an embedded database has no connection to cut");
        try (FaultProxy proxy =
                        FaultProxy.to(test.config().host(), test.config().port());
                Database db = open(test, proxy);
                ApiServer api = ApiServer.start(test, db)) {
            assertThat(api.admin.get("/api/audit").status()).isEqualTo(200);
            // A scraper's key, looked up once while the database answered: /metrics takes a key now.
            assertThat(api.viewer.get("/metrics").status()).isEqualTo(200);

            proxy.reset();
            for (int call = 0; db.breaker().state().state() != BreakerState.State.OPEN; call++) {
                assertThat(call).as("calls before the breaker opened").isLessThan(10);
                assertThat(api.admin.get("/api/audit").status()).isEqualTo(503);
            }
            var refused = api.admin.get("/api/audit");
            var metrics = api.viewer.get("/metrics");
            var health = api.anonymous.get("/health");

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo(String.valueOf(OPEN_WAIT.toSeconds() + 1));
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.text("/type")).endsWith("/unavailable");
            assertThat(refused.text("/detail"))
                    .contains("circuit breaker is open")
                    .contains("retry after");
            assertThat(metrics.body())
                    .contains("flowbase_database_breaker_state{state=\"open\"} 1")
                    .contains("flowbase_database_breaker_opened_total 1");
            assertThat(health.body())
                    .contains(
                            "\"breaker\":{\"status\":\"unavailable\",\"detail\":\"open: calls to the database are refused");

            proxy.heal();
            clock.advance(OPEN_WAIT.plusMillis(1));
            for (int probe = 0; probe < 2; probe++) {
                assertThat(api.admin.get("/api/audit").status()).isEqualTo(200);
            }
            assertThat(db.breaker().state().state()).isEqualTo(BreakerState.State.CLOSED);
            assertThat(api.viewer.get("/metrics").body())
                    .contains("flowbase_database_breaker_state{state=\"closed\"} 1");
            assertThat(BreakerOpenException.seconds(Duration.ZERO)).isEqualTo(1);
        }
    }

    private Database open(TestDatabase test, FaultProxy proxy) {
        DatabaseConfig proxied = DatabaseConfig.fromUrl(proxy.urlFor(test)).toBuilder()
                .pool(new PoolSettings(4, 0, Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .breaker(new BreakerSettings(50, 4, OPEN_WAIT, Duration.ZERO))
                .build();
        return Database.open(proxied, RetryPolicy.DEFAULT, clock);
    }
}
