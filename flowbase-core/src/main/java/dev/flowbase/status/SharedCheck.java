package dev.flowbase.status;

import dev.flowbase.cache.CacheStats;
import dev.flowbase.cache.Shared;
import java.util.Locale;

/**
 * The {@code redis} check of a running server: where its cache, limits and events live now. Redis
 * gone away is a warning (the server works on, in-process), which raises an alert and clears it when
 * Redis answers again.
 */
final class SharedCheck {
    private SharedCheck() {}

    static Check of(Shared shared) {
        Shared.State s = shared.state();
        CacheStats c = shared.cache().stats();
        String rate = c.hits() + c.misses() == 0
                ? "no look-ups yet"
                : String.format(
                        Locale.ROOT, "cache hit rate %.0f%% of %d look-ups", c.hitRate() * 100, c.hits() + c.misses());
        if (s.degraded()) {
            return new Check("redis", Verdict.WARNING, s.detail());
        }
        return Check.ok("redis", s.detail() + "; " + rate);
    }
}
