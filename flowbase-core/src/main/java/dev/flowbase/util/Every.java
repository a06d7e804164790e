package dev.flowbase.util;

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

    /**
     * Cancels the next runs and waits up to 10 s for one in flight, without interrupting it: an
     * interrupt lands in whatever the duty is doing (a read of the jar, a JDBC call) and can break
     * what other threads share with it. Only a run that outlasts the wait is interrupted.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
