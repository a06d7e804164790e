package dev.flowbase.queue;

import dev.flowbase.util.Sha256;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the fallback's outbox into the primary every {@code every}, in the one process that leads
 * the {@code fallback-replay} duty of that fallback on the primary: one replayer at a time keeps the
 * order in which tasks were accepted. A round is skipped while the primary's breaker is open. Closing it closes
 * the fallback too: the server's one owner of it.
 */
public final class Replayer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);

    private final Queue queue;
    private final Leadership leadership;
    private final ScheduledExecutorService timer;
    private final BooleanSupplier schemaReady;

    private Replayer(Queue queue, Duration every, BooleanSupplier schemaReady) {
        this.queue = queue;
        this.schemaReady = schemaReady;
        // One lead per fallback: processes that share one take turns, each with its own replays its own.
        String target = queue.fallback().database().orElseThrow().config().describeTarget();
        this.leadership =
                queue.leadership("fallback-replay:" + Sha256.hex(target).substring(0, 12));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowbase-fallback-replay");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::replayOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts replaying {@code queue}'s fallback (closed with it); without one, nothing is started. */
    public static AutoCloseable start(Queue queue, Duration every, BooleanSupplier schemaReady) {
        return queue.fallback().configured() ? new Replayer(queue, every, schemaReady) : () -> {};
    }

    private void replayOnce() {
        try {
            if (schemaReady.getAsBoolean() && queue.health().permitsCalls() && leadership.lead()) {
                int n = queue.fallback().replay(queue);
                if (n > 0) {
                    LOG.info("replayed {} task(s) from the fallback's outbox into the primary", n);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("replaying the fallback's outbox failed (tried again in the next round): {}", e.getMessage());
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
        queue.fallback().close();
    }
}
