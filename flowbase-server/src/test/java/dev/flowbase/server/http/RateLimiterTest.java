package dev.flowbase.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on an injected clock: a burst, then one request per refill, per caller. */
class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(2, 3, nanos::get);

    @Test
    void aBurstPassesThenTheCallerWaitsForTheNextToken() {
        assertThat(limiter.take("key a")).isZero();
        assertThat(limiter.take("key a")).isZero();
        assertThat(limiter.take("key a")).isZero();

        assertThat(limiter.take("key a")).isEqualTo(0.5); // 2 a second: the next token in half a second
        assertThat(limiter.take("key b")).isZero(); // another caller has its own bucket

        nanos.addAndGet(500_000_000L);
        assertThat(limiter.take("key a")).isZero();
        assertThat(limiter.take("key a")).isPositive();
    }

    @Test
    void aBucketRefillsOnlyUpToItsBurst() {
        for (int i = 0; i < 3; i++) {
            limiter.take("key a");
        }
        nanos.addAndGet(60_000_000_000L); // a minute idle

        int passed = 0;
        while (limiter.take("key a") == 0) {
            passed++;
        }
        assertThat(passed).isEqualTo(3);
    }
}
