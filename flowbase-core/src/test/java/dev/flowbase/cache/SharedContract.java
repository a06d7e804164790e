package dev.flowbase.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the cache, the limits and the bus promise, in this process and in Redis alike. */
abstract class SharedContract {
    /** Slow enough that no token comes back while a test runs. */
    static final double SLOW = 0.001;

    Shared shared;

    abstract Shared open();

    @BeforeEach
    void start() {
        shared = open();
    }

    @AfterEach
    void stop() {
        shared.close();
    }

    @Test
    void aValuePutIsReadUntilItIsInvalidated() {
        Cache cache = shared.cache();
        assertThat(cache.get("workflow:1")).isEmpty();

        cache.put("workflow:1", "{\"name\":\"a\"}", Duration.ofMinutes(1));
        assertThat(cache.get("workflow:1")).contains("{\"name\":\"a\"}");

        cache.invalidate("workflow:1");
        assertThat(cache.get("workflow:1")).isEmpty();
        assertThat(cache.stats().hits()).isEqualTo(1);
        assertThat(cache.stats().invalidations()).isEqualTo(1);
    }

    @Test
    void aBurstPassesThenTheCallerWaitsAndOtherNamesHaveTheirOwnBudget() {
        RateLimits limits = shared.limits();
        for (int i = 0; i < 3; i++) {
            assertThat(limits.take("key a", SLOW, 3)).isZero();
        }
        assertThat(limits.take("key a", SLOW, 3)).isPositive();
        assertThat(limits.take("key b", SLOW, 3)).isZero();
    }

    @Test
    void subscribersHearEventsInOrderAndALateClientResumesAfterItsLastId() throws Exception {
        BlockingQueue<Event> heard = new LinkedBlockingQueue<>();
        Subscription s = shared.events().subscribe(heard::add);
        try {
            String first = shared.events().publish("task.claimed", "org-a", "{\"n\":1}");
            shared.events().publish("task.succeeded", "org-a", "{\"n\":2}");
            shared.events().publish("task.claimed", null, "{\"n\":3}");

            List<Event> got = List.of(next(heard), next(heard), next(heard));
            assertThat(got).extracting(Event::data).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
            assertThat(got.get(0).id()).isEqualTo(first);
            assertThat(got.get(2).organization()).isNull();

            assertThat(shared.events().after(first, 100))
                    .extracting(Event::type)
                    .containsExactly("task.succeeded", "task.claimed");
        } finally {
            s.close();
        }
    }

    static Event next(BlockingQueue<Event> heard) throws InterruptedException {
        Event e = heard.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("an event within 10 s").isNotNull();
        return e;
    }
}
