package dev.flowbase.queue;

import dev.flowbase.store.TaskStatus;

/** How many tasks of one queue are in one state. */
public record QueueCount(String queue, TaskStatus status, long count) {}
