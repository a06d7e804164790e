package dev.flowbase.cache;

/** Counts since the process started, for {@code /metrics} and status. */
public record CacheStats(long hits, long misses, long evictions, long invalidations, long bypassed) {
    /** Hits over look-ups, 0 when nothing was looked up. */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }
}
