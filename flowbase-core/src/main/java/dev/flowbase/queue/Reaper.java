package dev.flowbase.queue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns expired leases to their queues every {@code every}, in the one process that leads the
 * {@code reaper} duty: what a server runs for workers that take tasks over HTTP and may vanish.
 */
public final class Reaper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);

    private final Queue queue;
    private final Leadership leadership;
    private final ScheduledExecutorService timer;
    private final BooleanSupplier schemaReady;

    private Reaper(Queue queue, Duration every, BooleanSupplier schemaReady) {
        this.queue = queue;
        this.schemaReady = schemaReady;
        this.leadership = queue.leadership("reaper");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowbase-reaper");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::reapOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static Reaper start(Queue queue, Duration every) {
        return start(queue, every, () -> true);
    }

    /** As {@link #start(Queue, Duration)}, skipping each round until {@code schemaReady} says the tables are there. */
    public static Reaper start(Queue queue, Duration every, BooleanSupplier schemaReady) {
        return new Reaper(queue, every, schemaReady);
    }

    private void reapOnce() {
        try {
            if (schemaReady.getAsBoolean() && leadership.lead()) {
                int n = queue.reap();
                if (n > 0) {
                    LOG.info("returned {} task(s) whose lease expired", n);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("reaping expired leases failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leadership.close();
    }
}
