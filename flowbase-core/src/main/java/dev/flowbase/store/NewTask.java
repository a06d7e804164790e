package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What a new task starts from. Start with {@link #named} and add what differs from the defaults
 * (queue {@code default}, priority 0, 3 retries, runnable now).
 */
public record NewTask(
        UUID organizationId,
        String name,
        String description,
        UUID workflowId,
        UUID workflowExecutionId,
        UUID agentRoleId,
        String type,
        String queueName,
        int priority,
        int executionOrder,
        int maxRetries,
        JsonNode parameters,
        String idempotencyKey,
        Instant runAt,
        Integer timeoutSeconds) {

    public NewTask {
        Checks.required("organizationId", organizationId);
        Checks.notBlank("name", name);
        Checks.notBlank("queueName", queueName);
        Limits.text("name", name, Limits.NAME);
        Limits.longText("description", description);
        Limits.text("type", type, Limits.TYPE);
        Limits.text("queueName", queueName, Limits.QUEUE);
        Limits.text("idempotencyKey", idempotencyKey, Limits.KEY);
        Limits.json("parameters", parameters);
        Checks.atLeast("maxRetries", maxRetries, 0);
        if (timeoutSeconds != null) {
            Checks.atLeast("timeoutSeconds", timeoutSeconds, 1);
        }
    }

    public static NewTask named(UUID organizationId, String name) {
        return new NewTask(
                organizationId, name, null, null, null, null, "task", "default", 0, 0, 3, null, null, null, null);
    }

    public NewTask inWorkflow(UUID workflow) {
        return copy(c -> c.workflowId = workflow);
    }

    public NewTask inExecution(UUID execution) {
        return copy(c -> c.workflowExecutionId = execution);
    }

    public NewTask withAgentRole(UUID role) {
        return copy(c -> c.agentRoleId = role);
    }

    public NewTask inQueue(String queue) {
        return copy(c -> c.queueName = queue);
    }

    public NewTask withPriority(int newPriority) {
        return copy(c -> c.priority = newPriority);
    }

    public NewTask withOrder(int order) {
        return copy(c -> c.executionOrder = order);
    }

    public NewTask withMaxRetries(int retries) {
        return copy(c -> c.maxRetries = retries);
    }

    public NewTask withParameters(JsonNode newParameters) {
        return copy(c -> c.parameters = newParameters);
    }

    public NewTask withIdempotencyKey(String key) {
        return copy(c -> c.idempotencyKey = key);
    }

    public NewTask runAt(Instant at) {
        return copy(c -> c.runAt = at);
    }

    public NewTask describedAs(String text) {
        return copy(c -> c.description = text);
    }

    public NewTask ofType(String newType) {
        return copy(c -> c.type = newType);
    }

    /** A copy with what {@code change} sets changed; every other field as in this one. */
    private NewTask copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** The copy builder of {@link #copy}: each field of the record, settable once copied. */
    private static final class Copy {
        UUID organizationId;
        String name;
        String description;
        UUID workflowId;
        UUID workflowExecutionId;
        UUID agentRoleId;
        String type;
        String queueName;
        int priority;
        int executionOrder;
        int maxRetries;
        JsonNode parameters;
        String idempotencyKey;
        Instant runAt;
        Integer timeoutSeconds;

        Copy(NewTask from) {
            this.organizationId = from.organizationId;
            this.name = from.name;
            this.description = from.description;
            this.workflowId = from.workflowId;
            this.workflowExecutionId = from.workflowExecutionId;
            this.agentRoleId = from.agentRoleId;
            this.type = from.type;
            this.queueName = from.queueName;
            this.priority = from.priority;
            this.executionOrder = from.executionOrder;
            this.maxRetries = from.maxRetries;
            this.parameters = from.parameters;
            this.idempotencyKey = from.idempotencyKey;
            this.runAt = from.runAt;
            this.timeoutSeconds = from.timeoutSeconds;
        }

        NewTask build() {
            return new NewTask(
                    organizationId,
                    name,
                    description,
                    workflowId,
                    workflowExecutionId,
                    agentRoleId,
                    type,
                    queueName,
                    priority,
                    executionOrder,
                    maxRetries,
                    parameters,
                    idempotencyKey,
                    runAt,
                    timeoutSeconds);
        }
    }
}
