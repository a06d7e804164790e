package dev.flowbase.queue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A duty of the queue's run every {@code every} on a daemon thread of its own, by the one process
 * that leads it: the shape of the {@link Reaper} and the fallback's {@link Replayer}. A round is
 * skipped until {@code ready} says so (the schema is there, the database answers); a round that
 * fails is logged and the next one still comes. Closing cancels the next rounds and waits for one
 * in flight without interrupting it (an interrupt lands in whatever the round is doing, a JDBC call
 * of a pool other threads share), then gives the lead up.
 */
final class LedTimer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedTimer.class);

    private final Leadership leadership;
    private final ScheduledExecutorService timer;

    LedTimer(String name, Leadership leadership, Duration every, BooleanSupplier ready, Runnable round) {
        this.leadership = leadership;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowbase-" + name);
            t.setDaemon(true);
            return t;
        });
        Runnable led = () -> {
            try {
                if (ready.getAsBoolean() && leadership.lead()) {
                    round.run();
                }
            } catch (RuntimeException e) {
                LOG.warn("{} failed (tried again in the next round): {}", name, e.getMessage());
            }
        };
        timer.scheduleWithFixedDelay(led, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        leadership.close();
    }
}
