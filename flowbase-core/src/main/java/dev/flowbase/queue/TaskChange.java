package dev.flowbase.queue;

import dev.flowbase.store.Task;
import java.util.UUID;

/**
 * One committed change of a task's state.
 *
 * @param change what happened: {@code enqueued}, {@code claimed}, {@code succeeded}, {@code retrying}
 *     (failed with retries left), {@code dead}, {@code timed_out}, {@code cancelled}, {@code released}
 * @param run the workflow execution the task belongs to, or null
 */
public record TaskChange(String change, UUID taskId, UUID organizationId, UUID run, String queue, int attempt) {
    static TaskChange of(String change, Task task) {
        return new TaskChange(
                change, task.id(), task.organizationId(), task.workflowExecutionId(), task.queueName(), task.attempt());
    }

    static TaskChange of(String change, Lease lease) {
        Task t = lease.task();
        return new TaskChange(
                change, t.id(), t.organizationId(), t.workflowExecutionId(), t.queueName(), lease.attempt());
    }

    static TaskChange of(String change, Attempts.Ended a) {
        return new TaskChange(change, a.taskId(), a.organizationId(), a.runId(), a.queueName(), a.attempt());
    }
}
