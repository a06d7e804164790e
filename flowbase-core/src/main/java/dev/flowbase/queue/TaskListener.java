package dev.flowbase.queue;

/**
 * Hears each change of a task's state that the queue committed, after the commit, on the thread
 * that made it: the live events' source. A listener must be quick and must not throw; one that
 * throws is logged and the queue goes on.
 */
@FunctionalInterface
public interface TaskListener {
    TaskListener NONE = change -> {};

    void changed(TaskChange change);
}
