package dev.flowbase.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A duty the server does on a timer of its own (a daemon thread), until closed. A run that throws
 * is logged and the next one still comes; closing waits for a run in flight, because it may hold
 * a connection of the pool the caller is about to close.
 */
public final class Every implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Every.class);

    private final ScheduledExecutorService timer;

    private Every(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static Every start(String name, Duration first, Duration interval, Runnable duty) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        duty.run();
                    } catch (RuntimeException e) {
                        LOG.warn("{} failed: {}", name, e.getMessage());
                    }
                },
                first.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return new Every(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
