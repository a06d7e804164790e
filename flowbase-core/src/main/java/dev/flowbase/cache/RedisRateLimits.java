package dev.flowbase.cache;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;

/**
 * The buckets every server shares: one Redis hash per bucket ({@code <prefix>rate_limit:<name>}),
 * refilled and taken from by one Lua script on Redis's own clock, so N servers draw on one budget and
 * their clocks need not agree. While Redis cannot be reached, each server limits on its own.
 */
public final class RedisRateLimits implements RateLimits {
    /** Returns the wait as text: Lua numbers would come back as integers. */
    static final String TAKE = """
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
            local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(b[1]) or burst
            local at = tonumber(b[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
            local wait = 0
            if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
            return tostring(wait)
            """;

    private final RedisLink link;
    private final RateLimits fallback;
    private final String prefix;
    private volatile String sha;

    public RedisRateLimits(RedisLink link, RateLimits fallback) {
        this.link = link;
        this.fallback = fallback;
        this.prefix = link.prefix() + "rate_limit:";
    }

    @Override
    public double take(String name, double perSecond, double burst) {
        return link.call(
                redis -> {
                    String[] keys = {prefix + name};
                    String rate = Double.toString(perSecond);
                    String size = Double.toString(burst);
                    if (sha == null) {
                        sha = redis.scriptLoad(TAKE);
                    }
                    String wait;
                    try {
                        wait = redis.evalsha(sha, ScriptOutputType.VALUE, keys, rate, size);
                    } catch (RedisNoScriptException e) {
                        wait = redis.eval(TAKE, ScriptOutputType.VALUE, keys, rate, size); // Redis restarted
                    }
                    return Double.parseDouble(wait);
                },
                () -> fallback.take(name, perSecond, burst));
    }
}
