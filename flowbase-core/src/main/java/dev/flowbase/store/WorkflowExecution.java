package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One run of a workflow. {@code workflowVersion} is the published version it started with (null
 * when the workflow had none): later versions never change what a run runs. The {@code tasks*}
 * counters follow its tasks as they end, so progress is read without counting them.
 */
public record WorkflowExecution(
        UUID id,
        UUID organizationId,
        UUID workflowId,
        Integer workflowVersion,
        int attempt,
        ExecutionStatus status,
        String worker,
        UUID triggeredBy,
        JsonNode input,
        JsonNode result,
        String output,
        String errorMessage,
        JsonNode metadata,
        Instant startedAt,
        Instant completedAt,
        Long durationMs,
        Instant createdAt,
        Instant updatedAt,
        int tasksTotal,
        int tasksSucceeded,
        int tasksFailed,
        int tasksCancelled)
        implements Listed {

    /** Tasks of the run that have not ended yet. */
    public int tasksOpen() {
        return tasksTotal - tasksSucceeded - tasksFailed - tasksCancelled;
    }

    /** The share of the run's tasks that have ended, in percent with one decimal. */
    public double percentDone() {
        return tasksTotal == 0 ? 0 : Math.round((tasksTotal - tasksOpen()) * 1000.0 / tasksTotal) / 10.0;
    }
}
