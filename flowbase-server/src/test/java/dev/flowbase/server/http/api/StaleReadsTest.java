package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;
import dev.flowbase.db.RetryPolicy;
import dev.flowbase.resilience.BreakerSettings;
import dev.flowbase.resilience.BreakerState;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.FaultProxy;
import dev.flowbase.testing.SettableClock;
import dev.flowbase.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * While the database's breaker is open, a read by id that was answered before is answered again
 * from the cache, marked stale ({@code Flowbase-Stale}, {@code Age}, and in {@code _debug}); what
 * was never read, was deleted since, or is a list or a write still answers 503 with Retry-After;
 * once the database answers again, reads are fresh.
 */
class StaleReadsTest {
    private static final Duration OPEN_WAIT = Duration.ofSeconds(7);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T15:00:00Z"));

    @EngineTest
    void readsAnsweredBeforeAreServedStaleWhileTheBreakerIsOpenAndFreshAfter(TestDatabase test) {
        Assumptions.assumeFalse(test.engine().isEmbedded(), "an embedded database has no connection to cut");
        try (FaultProxy proxy =
                        FaultProxy.to(test.config().host(), test.config().port());
                Database db = open(test, proxy);
                ApiServer api = ApiServer.start(test, db)) {
            String read =
                    api.operator.post("/api/workflows", Map.of("name", "read")).text("/id");
            String unread = api.operator
                    .post("/api/workflows", Map.of("name", "unread"))
                    .text("/id");
            String deleted = api.operator
                    .post("/api/workflows", Map.of("name", "deleted"))
                    .text("/id");
            var fresh = api.viewer.get("/api/workflows/" + read);
            assertThat(fresh.status()).isEqualTo(200);
            assertThat(fresh.header("Flowbase-Stale")).isNull();
            assertThat(api.viewer.get("/api/workflows/" + deleted).status()).isEqualTo(200);
            assertThat(api.operator.delete("/api/workflows/" + deleted).status())
                    .isEqualTo(204);

            proxy.reset();
            for (int call = 0; db.breaker().state().state() != BreakerState.State.OPEN; call++) {
                assertThat(call).as("calls before the breaker opened").isLessThan(10);
                assertThat(api.admin.get("/api/audit").status()).isEqualTo(503);
            }

            var stale = api.viewer.get("/api/workflows/" + read);
            assertThat(stale.status()).isEqualTo(200);
            assertThat(stale.header("Flowbase-Stale")).isEqualTo("true");
            assertThat(stale.header("Age")).matches("[0-9]+"); // seconds since the copy was read
            assertThat(stale.header("ETag")).isEqualTo(fresh.header("ETag"));
            assertThat(stale.json()).isEqualTo(fresh.json());
            var debug = api.operator.get("/api/workflows/" + read + "?_debug=true");
            assertThat(debug.at("/_debug/stale").asBoolean()).isTrue();
            assertThat(debug.text("/_debug/reason")).contains("circuit breaker is open");
            assertThat(Instant.parse(debug.text("/_debug/readAt"))).isBeforeOrEqualTo(Instant.now());
            assertThat(debug.text("/name")).isEqualTo("read");

            for (String refused :
                    new String[] {"/api/workflows/" + unread, "/api/workflows/" + deleted, "/api/workflows"}) {
                var answer = api.viewer.get(refused);
                assertThat(answer.status()).as(refused).isEqualTo(503);
                assertThat(answer.header("Retry-After")).as(refused).isNotNull();
            }
            var write =
                    api.operator.patch("/api/workflows/" + read, Map.of("description", "x"), Map.of("If-Match", "*"));
            assertThat(write.status()).isEqualTo(503);

            proxy.heal();
            clock.advance(OPEN_WAIT.plusMillis(1));
            for (int probe = 0; probe < 2; probe++) {
                var again = api.viewer.get("/api/workflows/" + read);
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.header("Flowbase-Stale")).isNull();
            }
            assertThat(db.breaker().state().state()).isEqualTo(BreakerState.State.CLOSED);
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
