package dev.flowbase.queue;

/**
 * Hears each change of a task's state that the queue committed, after the commit, on the thread
 * that made it: the live events' source. A listener must be quick and must not throw; one that
 * throws is logged and the queue goes on. A queue call made inside a caller's transaction
 * ({@code Stores.executeTransaction}) is told when the call returns, before the caller commits: if
 * the caller then rolls back, the change was told but did not happen (Jdbi's {@code afterCommit}
 * would close that gap; the queue's own transactions do not need it).
 */
@FunctionalInterface
public interface TaskListener {
    TaskListener NONE = change -> {};

    void changed(TaskChange change);

    /**
     * Hears a workflow run that ended with its last task, after the commit that ended it (the
     * caller's, when the queue call ran inside one): once per run, whichever process ended it.
     */
    default void runEnded(RunEnded run) {}
}
