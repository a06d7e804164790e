package dev.flowbase.queue;

import dev.flowbase.util.Sha256;
import java.time.Duration;
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
    private final LedTimer timer;

    private Replayer(Queue queue, Duration every, BooleanSupplier schemaReady) {
        this.queue = queue;
        // One lead per fallback: processes that share one take turns, each with its own replays its own.
        String target = queue.fallback().database().orElseThrow().config().describeTarget();
        Leadership leadership =
                queue.leadership("fallback-replay:" + Sha256.hex(target).substring(0, 12));
        BooleanSupplier ready =
                () -> schemaReady.getAsBoolean() && queue.health().permitsCalls();
        this.timer = new LedTimer("fallback-replay", leadership, every, ready, () -> {
            int n = queue.fallback().replay(queue);
            if (n > 0) {
                LOG.info("replayed {} task(s) from the fallback's outbox into the primary", n);
            }
        });
    }

    /** Starts replaying {@code queue}'s fallback (closed with it); without one, nothing is started. */
    public static AutoCloseable start(Queue queue, Duration every, BooleanSupplier schemaReady) {
        return queue.fallback().configured() ? new Replayer(queue, every, schemaReady) : () -> {};
    }

    @Override
    public void close() {
        timer.close();
        queue.fallback().close();
    }
}
