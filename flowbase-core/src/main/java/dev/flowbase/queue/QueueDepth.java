package dev.flowbase.queue;

/**
 * How much work waits in one queue right now: {@code ready} may be claimed, {@code delayed} waits
 * for its {@code run_at} (a delay or a retry's backoff), {@code running} is leased, {@code dead}
 * has used up its retries and waits for a person.
 */
public record QueueDepth(String queue, long ready, long delayed, long running, long dead) {}
