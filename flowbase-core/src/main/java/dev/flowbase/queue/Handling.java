package dev.flowbase.queue;

import dev.flowbase.store.TaskOutcome;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Worker}'s running of one task: the handler of its type, and what becomes of the end.
 * A success waits to be recorded with the poller's next claim (one commit for many); a failure is
 * recorded at once; a report the queue refuses (the lease was taken over) is logged, not thrown.
 */
final class Handling {
    private static final Logger LOG = LoggerFactory.getLogger(Handling.class);

    /** A task a handler finished, waiting to be recorded. */
    record Finished(Lease lease, TaskOutcome outcome) {}

    private final Queue queue;
    private final String worker;
    private final Map<String, TaskHandler> handlers;
    private final BooleanSupplier stopping;

    Handling(Queue queue, String worker, Map<String, TaskHandler> handlers, BooleanSupplier stopping) {
        this.queue = queue;
        this.worker = worker;
        this.handlers = handlers;
        this.stopping = stopping;
    }

    /** Runs the task's handler; true when it finished and waits in {@code finished} to be recorded. */
    boolean run(Lease l, ConcurrentLinkedQueue<Finished> finished) {
        TaskHandler handler = handlers.get(l.task().type());
        TaskOutcome outcome;
        try {
            if (handler == null) {
                throw new IllegalStateException("no handler for task type '"
                        + l.task().type() + "' on worker "
                        + worker + " (it handles "
                        + String.join(", ", handlers.keySet().stream().sorted().toList()) + ")");
            }
            outcome = handler.handle(l.task());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false; // stopping past the deadline: close() gives the task back
        } catch (Exception e) {
            if (!stopping.getAsBoolean() || !Thread.currentThread().isInterrupted()) {
                report(() -> queue.fail(l, String.valueOf(e.getMessage())), l);
            }
            return false;
        }
        finished.add(new Finished(l, Objects.requireNonNullElse(outcome, TaskOutcome.NONE)));
        return true;
    }

    /** Writes the end of a task; a refused lease is the queue's answer to a late report, so it is only logged. */
    void report(Runnable write, Lease l) {
        try {
            write.run();
        } catch (StaleLeaseException e) {
            LOG.info("{}: {}", worker, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{}: recording the end of task {} failed: {}", worker, l.taskId(), e.getMessage());
        }
    }
}
