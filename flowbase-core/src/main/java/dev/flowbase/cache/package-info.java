/**
 * What servers share: a {@link dev.flowbase.cache.Cache}, {@link dev.flowbase.cache.RateLimits} and
 * an {@link dev.flowbase.cache.EventBus}, each in this process or in Redis, chosen by {@code REDIS_URL}
 * through {@link dev.flowbase.cache.Shared}. Without Redis, or while it cannot be reached, the same
 * calls behave as one process would: the cache is bypassed, limits and events stay in-process.
 */
package dev.flowbase.cache;
