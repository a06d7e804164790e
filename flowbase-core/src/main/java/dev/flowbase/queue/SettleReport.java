package dev.flowbase.queue;

import dev.flowbase.store.TaskOutcome;
import java.util.UUID;

/**
 * A worker's report of one task it leased, for {@link Queue#settle}: the attempt it held (the
 * fencing token) and how the task ended, succeeded with {@code outcome} or failed with {@code error}.
 */
public record SettleReport(UUID taskId, int attempt, boolean succeeded, TaskOutcome outcome, String error) {
    public static SettleReport succeeded(UUID taskId, int attempt, TaskOutcome outcome) {
        return new SettleReport(taskId, attempt, true, outcome, null);
    }

    public static SettleReport failed(UUID taskId, int attempt, String error) {
        return new SettleReport(taskId, attempt, false, TaskOutcome.error(error), error);
    }
}
