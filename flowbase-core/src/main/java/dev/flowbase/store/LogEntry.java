package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A line of the log store; the links to a workflow, run, task or attempt are optional. */
public record LogEntry(
        UUID id,
        UUID organizationId,
        Level level,
        String component,
        String message,
        JsonNode context,
        UUID workflowId,
        UUID workflowExecutionId,
        UUID taskId,
        UUID taskExecutionId,
        Instant createdAt)
        implements Listed {

    public enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR,
        FATAL
    }

    /** A line to append: level, component and message; the rest optional. */
    public record New(
            Level level,
            String component,
            String message,
            JsonNode context,
            UUID organizationId,
            UUID workflowId,
            UUID workflowExecutionId,
            UUID taskId,
            UUID taskExecutionId) {
        public New {
            Checks.required("level", level);
            Checks.notBlank("component", component);
            Checks.required("message", message);
        }

        public static New of(Level level, String component, String message) {
            return new New(level, component, message, null, null, null, null, null, null);
        }

        public New forTask(UUID task) {
            return new New(
                    level,
                    component,
                    message,
                    context,
                    organizationId,
                    workflowId,
                    workflowExecutionId,
                    task,
                    taskExecutionId);
        }
    }
}
