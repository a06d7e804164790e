package dev.flowbase.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.testing.OwnRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Redis killed while in use: no call fails, the state says in-process (degraded), and when Redis
 * answers again the shared behaviour resumes, the invalidation made meanwhile sent.
 */
class RedisOutageTest {
    private static final int PORT = 17400;

    @Test
    void aKilledRedisDegradesToInProcessAndItsReturnIsNoticed() throws Exception {
        try (OwnRedis redis = new OwnRedis(PORT).start();
                Shared shared = Shared.connect(Optional.of(redis.url()), "flowbase:", Clock.systemUTC())) {
            BlockingQueue<Shared.State> changes = new LinkedBlockingQueue<>();
            shared.onChange(() -> changes.add(shared.state()));
            shared.cache().put("apikey:h", "{}", Duration.ofMinutes(5));
            assertThat(shared.cache().get("apikey:h")).contains("{}");

            redis.kill();

            assertThat(shared.cache().get("apikey:h")).isEmpty(); // bypassed, not trusted stale
            assertThat(shared.limits().take("key a", 0.001, 2)).isZero();
            BlockingQueue<Event> heard = new LinkedBlockingQueue<>();
            Subscription s = shared.events().subscribe(heard::add);
            try {
                String id = shared.events().publish("task.succeeded", null, "{}");
                assertThat(heard.poll(10, TimeUnit.SECONDS).id()).isEqualTo(id);
            } finally {
                s.close();
            }
            Shared.State down = changes.poll(10, TimeUnit.SECONDS);
            assertThat(down.degraded()).isTrue();
            assertThat(down.mode()).isEqualTo("in-process");
            assertThat(down.detail()).contains("127.0.0.1:" + PORT).contains("cache bypassed");
            shared.cache().invalidate("apikey:h");

            redis.start();

            Shared.State up = changes.poll(30, TimeUnit.SECONDS);
            assertThat(up).as("Redis noticed again within 30 s").isNotNull();
            assertThat(up.mode()).isEqualTo("redis");
            // A Redis that is starting may refuse a probe once more while it loads: at least this one outage.
            assertThat(up.outages()).isPositive();
            shared.cache().put("apikey:h", "{\"again\":true}", Duration.ofMinutes(5));
            assertThat(shared.cache().get("apikey:h")).contains("{\"again\":true}");
        }
    }

    @Test
    void aServerStartsWhileRedisIsAwayAndUsesItOnceItAnswers() throws Exception {
        try (OwnRedis redis = new OwnRedis(PORT + 1);
                Shared shared = Shared.connect(Optional.of(redis.url()), "flowbase:", Clock.systemUTC())) {
            BlockingQueue<Shared.State> changes = new LinkedBlockingQueue<>();
            shared.onChange(() -> changes.add(shared.state()));
            assertThat(shared.state().degraded()).isTrue();
            assertThat(shared.limits().take("key a", 0.001, 1)).isZero();

            redis.start();

            Shared.State up = changes.poll(30, TimeUnit.SECONDS);
            assertThat(up).as("Redis noticed within 30 s").isNotNull();
            assertThat(up.mode()).isEqualTo("redis");
        }
    }
}
