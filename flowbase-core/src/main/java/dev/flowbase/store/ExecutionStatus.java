package dev.flowbase.store;

import java.util.EnumSet;
import java.util.Set;

/** The life of a workflow run or of one attempt of a task. */
public enum ExecutionStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    TIMED_OUT;

    public Set<ExecutionStatus> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, CANCELLED);
            case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, CANCELLED, TIMED_OUT);
            case SUCCEEDED, FAILED, CANCELLED, TIMED_OUT -> EnumSet.noneOf(ExecutionStatus.class);
        };
    }

    public boolean isFinished() {
        return next().isEmpty();
    }
}
