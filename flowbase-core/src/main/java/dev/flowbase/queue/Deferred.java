package dev.flowbase.queue;

import dev.flowbase.store.NewTask;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.util.Json;
import java.time.Instant;
import java.util.UUID;

/** The answer to a task kept in the fallback's outbox: as the primary will have it, pending until it does. */
final class Deferred {
    private Deferred() {}

    static Task task(UUID id, NewTask t, Instant acceptedAt) {
        return new Task(
                id,
                t.organizationId(),
                t.workflowId(),
                t.workflowExecutionId(),
                t.agentRoleId(),
                t.name(),
                t.description(),
                t.type(),
                TaskStatus.PENDING,
                t.priority(),
                null,
                t.parameters() == null ? Json.emptyObject() : t.parameters(),
                Json.emptyObject(),
                null,
                t.executionOrder(),
                0,
                t.maxRetries(),
                null,
                null,
                null,
                null,
                null,
                t.timeoutSeconds(),
                t.queueName(),
                t.runAt() == null ? acceptedAt : t.runAt(),
                null,
                null,
                null,
                0,
                t.idempotencyKey(),
                null,
                null,
                null,
                1,
                acceptedAt,
                acceptedAt);
    }
}
