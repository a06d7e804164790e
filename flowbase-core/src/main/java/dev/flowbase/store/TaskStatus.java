package dev.flowbase.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a task. {@code PENDING} waits for its dependencies, {@code READY} may be claimed,
 * {@code DEAD} has used up its retries. Succeeded and cancelled are final; failed and dead tasks
 * can be requeued.
 */
public enum TaskStatus {
    PENDING,
    READY,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    DEAD;

    /** The states this one may move to. */
    public Set<TaskStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(READY, RUNNING, CANCELLED);
            case READY -> EnumSet.of(PENDING, RUNNING, CANCELLED);
            case RUNNING -> EnumSet.of(READY, SUCCEEDED, FAILED, CANCELLED, DEAD);
            case FAILED -> EnumSet.of(READY, DEAD, CANCELLED);
            case DEAD -> EnumSet.of(READY, CANCELLED);
            case SUCCEEDED, CANCELLED -> EnumSet.noneOf(TaskStatus.class);
        };
    }

    public boolean canMoveTo(TaskStatus to) {
        return next().contains(to);
    }

    /** Whether the task has ended and will not run again unless requeued. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == DEAD;
    }
}
