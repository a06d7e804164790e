package dev.flowbase.queue;

import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;

/**
 * Does the work of one task type. Returning completes the task with the outcome; throwing fails
 * this attempt with the exception's message (retried after its backoff while retries are left).
 * A handler may be interrupted when its worker stops past its deadline.
 */
@FunctionalInterface
public interface TaskHandler {
    TaskOutcome handle(Task task) throws Exception;
}
