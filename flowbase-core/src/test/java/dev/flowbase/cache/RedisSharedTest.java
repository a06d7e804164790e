package dev.flowbase.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.testing.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract in Redis, and what two servers on one Redis see of each other. */
class RedisSharedTest extends SharedContract {
    private final String prefix = TestRedis.prefix();

    @Override
    Shared open() {
        return Shared.connect(Optional.of(TestRedis.URL), prefix, Clock.systemUTC());
    }

    @AfterEach
    void clean() {
        TestRedis.clean(TestRedis.URL, prefix);
    }

    @Test
    void itSaysItIsInRedisWithoutItsPassword() {
        assertThat(shared.state().mode()).isEqualTo("redis");
        assertThat(shared.state().detail()).contains("127.0.0.1:6379");
    }

    @Test
    void twoServersSeeOneCacheOneBudgetAndOneStreamOfEvents() throws Exception {
        try (Shared other = open()) {
            shared.cache().put("apikey:h", "{}", Duration.ofMinutes(1));
            assertThat(other.cache().get("apikey:h")).contains("{}");
            other.cache().invalidate("apikey:h");
            assertThat(shared.cache().get("apikey:h")).isEmpty();

            assertThat(shared.limits().take("key a", SLOW, 2)).isZero();
            assertThat(other.limits().take("key a", SLOW, 2)).isZero();
            assertThat(shared.limits().take("key a", SLOW, 2)).isPositive();

            BlockingQueue<Event> heard = new LinkedBlockingQueue<>();
            Subscription s = other.events().subscribe(heard::add);
            try {
                String id = shared.events().publish("task.succeeded", "org-a", "{}");
                assertThat(next(heard).id()).isEqualTo(id);
            } finally {
                s.close();
            }
        }
    }
}
