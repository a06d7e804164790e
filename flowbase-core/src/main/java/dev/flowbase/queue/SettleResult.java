package dev.flowbase.queue;

import dev.flowbase.error.FlowbaseException;
import dev.flowbase.store.Task;

/**
 * What became of one {@link SettleReport}: applied ({@code task} as it is now), or refused
 * ({@code refused}: the task has moved past the attempt, or is not the caller's), which is that
 * report's answer only.
 */
public record SettleResult(SettleReport report, Task task, FlowbaseException refused) {
    public boolean applied() {
        return refused == null;
    }
}
