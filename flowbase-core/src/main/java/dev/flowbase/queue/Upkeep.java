package dev.flowbase.queue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link Worker} keeps up on its timer while handlers run: the leases of its running tasks
 * extended, and (in the one process that leads the {@code reaper} duty) the expired leases of any
 * worker returned to their queues.
 */
final class Upkeep {
    private static final Logger LOG = LoggerFactory.getLogger(Upkeep.class);

    private final Queue queue;
    private final String worker;
    private final Set<Lease> running;
    private final Duration lease;
    private final Leadership reaper;

    Upkeep(Queue queue, String worker, Set<Lease> running, Duration lease, Leadership reaper) {
        this.queue = queue;
        this.worker = worker;
        this.running = running;
        this.lease = lease;
        this.reaper = reaper;
    }

    void heartbeatAndReap() {
        for (Lease l : running) {
            try {
                queue.heartbeat(l, lease);
            } catch (RuntimeException e) {
                LOG.info("{}: heartbeat of task {} refused: {}", worker, l.taskId(), e.getMessage());
            }
        }
        try {
            if (reaper.lead()) {
                queue.reap();
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: reaping expired leases failed: {}", worker, e.getMessage());
        }
    }

    /** Shuts the pools down and waits for them until {@code deadlineNanos} ({@link System#nanoTime}). */
    static void awaitTermination(List<ExecutorService> pools, long deadlineNanos) {
        pools.forEach(ExecutorService::shutdown);
        for (ExecutorService pool : pools) {
            try {
                pool.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
