package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

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
        return new NewTask(
                organizationId,
                name,
                description,
                workflow,
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

    public NewTask inExecution(UUID execution) {
        return new NewTask(
                organizationId,
                name,
                description,
                workflowId,
                execution,
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

    public NewTask withAgentRole(UUID role) {
        return new NewTask(
                organizationId,
                name,
                description,
                workflowId,
                workflowExecutionId,
                role,
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

    public NewTask inQueue(String queue) {
        return new NewTask(
                organizationId,
                name,
                description,
                workflowId,
                workflowExecutionId,
                agentRoleId,
                type,
                queue,
                priority,
                executionOrder,
                maxRetries,
                parameters,
                idempotencyKey,
                runAt,
                timeoutSeconds);
    }

    public NewTask withPriority(int newPriority) {
        return new NewTask(
                organizationId,
                name,
                description,
                workflowId,
                workflowExecutionId,
                agentRoleId,
                type,
                queueName,
                newPriority,
                executionOrder,
                maxRetries,
                parameters,
                idempotencyKey,
                runAt,
                timeoutSeconds);
    }

    public NewTask withOrder(int order) {
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
                order,
                maxRetries,
                parameters,
                idempotencyKey,
                runAt,
                timeoutSeconds);
    }

    public NewTask withMaxRetries(int retries) {
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
                retries,
                parameters,
                idempotencyKey,
                runAt,
                timeoutSeconds);
    }

    public NewTask withParameters(JsonNode newParameters) {
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
                newParameters,
                idempotencyKey,
                runAt,
                timeoutSeconds);
    }

    public NewTask withIdempotencyKey(String key) {
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
                key,
                runAt,
                timeoutSeconds);
    }

    public NewTask runAt(Instant at) {
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
                at,
                timeoutSeconds);
    }

    public NewTask describedAs(String text) {
        return new NewTask(
                organizationId,
                name,
                text,
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

    public NewTask ofType(String newType) {
        return new NewTask(
                organizationId,
                name,
                description,
                workflowId,
                workflowExecutionId,
                agentRoleId,
                newType,
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
