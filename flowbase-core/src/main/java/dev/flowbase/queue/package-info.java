/**
 * The durable task queue on the {@code tasks} table: enqueue, claim as a lease, heartbeat,
 * complete or fail with the attempt as a fencing token, retry with backoff, dead letters, and the
 * reaper of expired leases. What differs per engine (the claim statement, the database clock) is
 * the {@link dev.flowbase.queue.QueueSql} part of each engine's kit.
 */
package dev.flowbase.queue;
