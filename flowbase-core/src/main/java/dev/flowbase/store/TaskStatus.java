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

    /**
     * Whether only the queue may move a task here: a running task holds a lease, which a claim
     * gives and the reaper takes back when its worker dies. Moved here by a call, it would hold
     * none, so no worker could claim it and no reaper would ever free it.
     */
    public boolean queueOnly() {
        return this == RUNNING;
    }

    /** The states a call (not the queue) may move this one to. */
    public Set<TaskStatus> nextByCall() {
        Set<TaskStatus> next = EnumSet.noneOf(TaskStatus.class);
        next().stream().filter(s -> !s.queueOnly()).forEach(next::add);
        return next;
    }

    public boolean canMoveTo(TaskStatus to) {
        return next().contains(to);
    }

    /** Whether the task has ended and will not run again unless requeued. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == DEAD;
    }
}
