package dev.flowbase.queue;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns expired leases to their queues every {@code every}, in the one process that leads the
 * {@code reaper} duty: what a server runs for workers that take tasks over HTTP and may vanish.
 */
public final class Reaper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);

    private final LedTimer timer;

    private Reaper(Queue queue, Duration every, BooleanSupplier schemaReady) {
        this.timer = new LedTimer("reaper", queue.leadership("reaper"), every, schemaReady, () -> {
            int n = queue.reap();
            if (n > 0) {
                LOG.info("returned {} task(s) whose lease expired", n);
            }
        });
    }

    public static Reaper start(Queue queue, Duration every) {
        return start(queue, every, () -> true);
    }

    /** As {@link #start(Queue, Duration)}, skipping each round until {@code schemaReady} says the tables are there. */
    public static Reaper start(Queue queue, Duration every, BooleanSupplier schemaReady) {
        return new Reaper(queue, every, schemaReady);
    }

    @Override
    public void close() {
        timer.close();
    }
}
