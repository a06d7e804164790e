package dev.flowbase.server.http;

import dev.flowbase.cache.LocalRateLimits;
import dev.flowbase.cache.RateLimits;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import io.javalin.http.Context;
import java.util.function.LongSupplier;

/**
 * Token buckets per API key and per client address, in the shared {@link RateLimits} (Redis, or
 * this process without it): each holds {@code burst}
 * requests and refills {@code perSecond} a second. A request that finds its bucket empty gets 429
 * with {@code Retry-After}. {@code perSecond} 0 turns limiting off.
 */
final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final RateLimits limits;

    RateLimiter(int perSecond, int burst, LongSupplier nanos) {
        this(perSecond, burst, new LocalRateLimits(nanos));
    }

    /** With {@code limits} shared in Redis, the servers behind one balancer draw on one budget. */
    RateLimiter(int perSecond, int burst, RateLimits limits) {
        this.perSecond = perSecond;
        this.burst = Math.max(burst, 1);
        this.limits = limits;
    }

    /** Takes a token for the caller's key, and for its address when it has no key. */
    void check(Context ctx) {
        if (perSecond <= 0) {
            return;
        }
        Principal p = Authentication.of(ctx);
        String who = p == null ? "address " + ctx.ip() : "key " + p.apiKeyId();
        double wait = take(who);
        if (wait > 0) {
            long seconds = (long) Math.ceil(wait);
            ctx.header("Retry-After", String.valueOf(seconds));
            throw new FlowbaseException(
                    ErrorCode.RATE_LIMITED,
                    "More than " + (long) perSecond + " requests a second (bursts of " + (long) burst + ") from this "
                            + (p == null ? "address" : "key") + ": retry after " + seconds + " s");
        }
    }

    /** Seconds until a token is there, or 0 when one was taken. */
    double take(String who) {
        return limits.take("api:" + who, perSecond, burst);
    }
}
