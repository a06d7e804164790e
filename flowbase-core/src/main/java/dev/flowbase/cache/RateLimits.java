package dev.flowbase.cache;

/**
 * Token buckets by name: each holds {@code burst} tokens and refills {@code perSecond} a second.
 * Servers that share the limits share one budget per name.
 */
public interface RateLimits {
    /**
     * Takes a token from the bucket {@code name}.
     *
     * @return 0 when a token was taken, else the seconds until one is there
     */
    double take(String name, double perSecond, double burst);
}
