package dev.flowbase.server.logging;

import dev.flowbase.store.LogStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the logs table to its retention: every hour (the first a minute after start) the lines older than
 * {@code days} are deleted. Several servers doing it at once delete the same rows once.
 */
public final class LogRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogRetention.class);

    private final ScheduledExecutorService timer;

    private LogRetention(LogStore logs, Duration keep, InstantSource clock) {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowbase-log-retention");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        int n = logs.deleteOlderThan(clock.instant().minus(keep));
                        if (n > 0) {
                            LOG.info("deleted {} log line(s) older than {} days", n, keep.toDays());
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("deleting old log lines failed: {}", e.getMessage());
                    }
                },
                1,
                60,
                TimeUnit.MINUTES);
    }

    /** Starts the hourly deletion; {@code days} 0 keeps every line and starts nothing. */
    public static AutoCloseable start(LogStore logs, int days) {
        return days == 0 ? () -> {} : new LogRetention(logs, Duration.ofDays(days), InstantSource.system());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            // A deletion in flight holds a connection: it ends before the caller closes the pool.
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
