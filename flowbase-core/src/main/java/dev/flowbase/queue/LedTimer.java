package dev.flowbase.queue;

import dev.flowbase.util.Every;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A duty of the queue's run every {@code every} ({@link Every}) by the one process that leads it:
 * the shape of the {@link Reaper} and the fallback's {@link Replayer}. A round is skipped until
 * {@code ready} says so (the schema is there, the database answers). Closing stops the timer as
 * {@link Every} does, then gives the lead up.
 */
final class LedTimer implements AutoCloseable {
    private final Leadership leadership;
    private final Every timer;

    LedTimer(String name, Leadership leadership, Duration every, BooleanSupplier ready, Runnable round) {
        this.leadership = leadership;
        this.timer = Every.start("flowbase-" + name, every, every, () -> {
            if (ready.getAsBoolean() && leadership.lead()) {
                round.run();
            }
        });
    }

    @Override
    public void close() {
        timer.close();
        leadership.close();
    }
}
