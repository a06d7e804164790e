package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.cache.Shared;
import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.OwnRedis;
import dev.flowbase.testing.TestDatabase;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server's own Redis (port 17402) killed while requests run: none fails, the status says Redis
 * is gone and the server works in-process (a warning, so an alert), and when Redis is back the
 * status is OK again.
 */
class RedisGoneTest {
    private static final int PORT = 17402;

    @EngineTest
    void noRequestFailsWhileRedisIsGoneAndTheStatusSaysSoUntilItIsBack(TestDatabase test, Database db)
            throws Exception {
        try (OwnRedis redis = new OwnRedis(PORT).start()) {
            Shared shared = Shared.connect(Optional.of(redis.url()), Shared.PREFIX, Clock.systemUTC());
            BlockingQueue<Shared.State> changes = new LinkedBlockingQueue<>();
            shared.onChange(() -> changes.add(shared.state()));
            try (ApiServer api = ApiServer.start(test, db, Map.of("FLOWBASE_RATE_LIMIT", "1000"), shared)) {
                for (int i = 0; i < 10; i++) {
                    assertThat(api.viewer.get("/api/workflows").status()).isEqualTo(200);
                }
                assertThat(redisCheck(api).path("verdict").asText()).isEqualTo("OK");
                assertThat(api.viewer.get("/metrics").body())
                        .containsPattern("flowbase_redis_commands_seconds_count [1-9]")
                        .contains("flowbase_redis_in_use 1.0");

                redis.kill();
                for (int i = 0; i < 20; i++) {
                    assertThat(api.viewer.get("/api/workflows").status()).isEqualTo(200);
                }
                JsonNode gone = redisCheck(api);
                assertThat(gone.path("verdict").asText()).isEqualTo("WARNING");
                assertThat(gone.path("detail").asText())
                        .contains("127.0.0.1:" + PORT)
                        .contains("in this process");
                assertThat(changes.poll(10, TimeUnit.SECONDS).degraded()).isTrue();

                redis.start();
                Shared.State back = changes.poll(30, TimeUnit.SECONDS);
                assertThat(back).as("Redis noticed again within 30 s").isNotNull();
                assertThat(back.degraded()).isFalse();
                assertThat(api.viewer.get("/api/workflows").status()).isEqualTo(200);
                assertThat(redisCheck(api).path("verdict").asText()).isEqualTo("OK");
            }
        }
    }

    private static JsonNode redisCheck(ApiServer api) {
        for (JsonNode check : api.viewer.get("/api/database/status").at("/report/checks")) {
            if (check.path("name").asText().equals("redis")) {
                return check;
            }
        }
        throw new AssertionError("no redis check in the status");
    }
}
