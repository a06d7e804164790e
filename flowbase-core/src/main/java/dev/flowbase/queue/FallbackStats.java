package dev.flowbase.queue;

/**
 * The fallback's outbox: tasks waiting for the primary and set aside (refused by it), then this
 * process's counts since it started: accepted into the outbox, replayed into the primary, dropped
 * (their idempotency key used on the primary meanwhile), set aside.
 */
public record FallbackStats(
        boolean configured, long waiting, long rejected, long accepted, long replayed, long dropped, long setAside) {
    public static final FallbackStats NONE = new FallbackStats(false, 0, 0, 0, 0, 0, 0);
}
