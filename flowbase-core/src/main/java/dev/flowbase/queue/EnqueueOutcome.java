package dev.flowbase.queue;

import dev.flowbase.store.Task;

/**
 * An enqueued task, and whether this call added it ({@code false}: its idempotency key had been
 * used in its queue already, and this is the task that used it). {@code deferred}: the primary
 * database was unreachable and the task waits in the fallback's outbox ({@link Fallback}), to be
 * written to the primary with this id when it returns; until then nobody can claim it, and its
 * status reads {@code pending}.
 */
public record EnqueueOutcome(Task task, boolean added, boolean deferred) {
    public EnqueueOutcome(Task task, boolean added) {
        this(task, added, false);
    }

    static EnqueueOutcome deferred(Task task, boolean added) {
        return new EnqueueOutcome(task, added, true);
    }
}
