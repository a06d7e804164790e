package dev.flowbase.server.http;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per API key and per client address, in this process: each holds {@code burst}
 * requests and refills {@code perSecond} a second. A request that finds its bucket empty gets 429
 * with {@code Retry-After}. {@code perSecond} 0 turns limiting off.
 */
final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perSecond, int burst, LongSupplier nanos) {
        this.perSecond = perSecond;
        this.burst = Math.max(burst, 1);
        this.nanos = nanos;
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
        if (buckets.size() > 100_000) {
            buckets.clear(); // bounded memory under a flood of addresses; they start again full
        }
        Bucket b = buckets.computeIfAbsent(who, k -> new Bucket(burst, nanos.getAsLong()));
        synchronized (b) {
            long now = nanos.getAsLong();
            b.tokens = Math.min(burst, b.tokens + (now - b.at) / 1e9 * perSecond);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return (1 - b.tokens) / perSecond;
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
