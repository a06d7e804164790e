package dev.flowbase.queue;

import dev.flowbase.store.Task;

/**
 * An enqueued task, and whether this call added it ({@code false}: its idempotency key had been
 * used in its queue already, and this is the task that used it).
 */
public record EnqueueOutcome(Task task, boolean added) {}
