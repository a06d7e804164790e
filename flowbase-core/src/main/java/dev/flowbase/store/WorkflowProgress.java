package dev.flowbase.store;

import java.util.Map;
import java.util.UUID;

/**
 * How far a workflow's tasks have got: how many are in each state, and the share that has finished
 * (succeeded, failed, cancelled or dead), in percent with one decimal.
 */
public record WorkflowProgress(UUID workflowId, long total, Map<TaskStatus, Long> byStatus, double percentDone) {
    public WorkflowProgress {
        byStatus = Map.copyOf(byStatus);
    }

    public long count(TaskStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
