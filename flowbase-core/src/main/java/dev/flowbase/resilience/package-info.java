/**
 * What keeps Flowbase answering while its database is away: a circuit breaker that refuses calls
 * quickly once most recent ones failed, the health a worker asks before it claims, and the
 * backoff with jitter of reconnecting loops. It knows nothing of SQL: {@code dev.flowbase.db}
 * says which failures count.
 */
package dev.flowbase.resilience;
