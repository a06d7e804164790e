package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/** A unit of work, in a workflow or alone, and its place in the queue. */
public record Task(
        UUID id,
        UUID organizationId,
        UUID workflowId,
        UUID workflowExecutionId,
        UUID agentRoleId,
        String name,
        String description,
        String type,
        TaskStatus status,
        int priority,
        String command,
        JsonNode parameters,
        JsonNode environment,
        String workingDirectory,
        int executionOrder,
        int retryCount,
        int maxRetries,
        JsonNode result,
        String output,
        String errorMessage,
        Integer exitCode,
        Integer estimatedDurationSeconds,
        Integer timeoutSeconds,
        String queueName,
        Instant runAt,
        String leaseOwner,
        Instant leaseExpiresAt,
        Instant heartbeatAt,
        int attempt,
        String idempotencyKey,
        Instant deadLetteredAt,
        Instant startedAt,
        Instant completedAt,
        int lockVersion,
        Instant createdAt,
        Instant updatedAt)
        implements Listed, Versioned {

    public Task withPriority(int newPriority) {
        return edit(e -> e.priority = newPriority);
    }

    public Task withDescription(String newDescription) {
        return edit(e -> e.description = newDescription);
    }

    /** A copy with the fields {@code change} sets changed; every other one as in this one. */
    private Task edit(Consumer<Edit> change) {
        Edit e = new Edit(this);
        change.accept(e);
        return e.build();
    }

    /** The copy builder of {@link #edit}: the fields a caller may change, the rest kept from {@code from}. */
    private static final class Edit {
        private final Task from;
        String description;
        int priority;

        Edit(Task from) {
            this.from = from;
            this.description = from.description;
            this.priority = from.priority;
        }

        Task build() {
            return new Task(
                    from.id,
                    from.organizationId,
                    from.workflowId,
                    from.workflowExecutionId,
                    from.agentRoleId,
                    from.name,
                    description,
                    from.type,
                    from.status,
                    priority,
                    from.command,
                    from.parameters,
                    from.environment,
                    from.workingDirectory,
                    from.executionOrder,
                    from.retryCount,
                    from.maxRetries,
                    from.result,
                    from.output,
                    from.errorMessage,
                    from.exitCode,
                    from.estimatedDurationSeconds,
                    from.timeoutSeconds,
                    from.queueName,
                    from.runAt,
                    from.leaseOwner,
                    from.leaseExpiresAt,
                    from.heartbeatAt,
                    from.attempt,
                    from.idempotencyKey,
                    from.deadLetteredAt,
                    from.startedAt,
                    from.completedAt,
                    from.lockVersion,
                    from.createdAt,
                    from.updatedAt);
        }
    }
}
