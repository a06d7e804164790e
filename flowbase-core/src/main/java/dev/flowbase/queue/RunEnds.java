package dev.flowbase.queue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Tells of runs that ended with their last task, once the transaction that ended them commits, and
 * after the change of the task that ended them: the queue tells task changes when its transaction
 * has returned, so an end committed by the queue's own transaction waits for the change of a task
 * of its run; an end committed by a caller's transaction, whose changes were told already, is told
 * at its commit. Per thread: a queue call and its tells run on one.
 */
final class RunEnds {
    private final Consumer<RunEnded> listener;
    private final ThreadLocal<List<RunEnded>> pending = ThreadLocal.withInitial(ArrayList::new);
    /** Whether a change this thread is about to tell may be the one its pending ends come after. */
    private final ThreadLocal<Boolean> changesToTell = ThreadLocal.withInitial(() -> false);

    RunEnds(Consumer<RunEnded> listener) {
        this.listener = listener;
    }

    /** Inside the transaction that ended {@code ended}: hold them until it commits; forget them on rollback. */
    void ended(Handle h, List<RunEnded> ended) {
        changesToTell.set(true);
        h.afterCommit(() -> {
            pending.get().addAll(ended);
            if (!changesToTell.get()) {
                tellAll();
            }
        });
    }

    /** After telling a task change: the pending ends of its run follow it. */
    void told(TaskChange change) {
        changesToTell.set(false);
        Iterator<RunEnded> it = pending.get().iterator();
        List<RunEnded> now = new ArrayList<>();
        while (it.hasNext()) {
            RunEnded run = it.next();
            if (run.run().equals(change.run())) {
                now.add(run);
                it.remove();
            }
        }
        now.forEach(listener);
    }

    private void tellAll() {
        List<RunEnded> now = List.copyOf(pending.get());
        pending.get().clear();
        now.forEach(listener);
    }
}
