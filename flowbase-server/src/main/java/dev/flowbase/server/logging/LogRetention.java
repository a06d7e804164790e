package dev.flowbase.server.logging;

import dev.flowbase.store.LogStore;
import dev.flowbase.util.Every;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the logs table to its retention: every hour (the first a minute after start) the lines older than
 * {@code days} are deleted. Several servers doing it at once delete the same rows once.
 */
public final class LogRetention {
    private static final Logger LOG = LoggerFactory.getLogger(LogRetention.class);

    private LogRetention() {}

    /** Starts the hourly deletion; {@code days} 0 keeps every line and starts nothing. */
    public static AutoCloseable start(LogStore logs, int days, BooleanSupplier schemaReady) {
        if (days == 0) {
            return () -> {};
        }
        Duration keep = Duration.ofDays(days);
        InstantSource clock = InstantSource.system();
        return Every.start("flowbase-log-retention", Duration.ofMinutes(1), Duration.ofHours(1), () -> {
            if (!schemaReady.getAsBoolean()) {
                return; // nothing to delete from a logs table that is not there yet
            }
            int n = logs.deleteOlderThan(clock.instant().minus(keep));
            if (n > 0) {
                LOG.info("deleted {} log line(s) older than {} days", n, keep.toDays());
            }
        });
    }
}
