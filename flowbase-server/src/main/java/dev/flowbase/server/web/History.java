package dev.flowbase.server.web;

import dev.flowbase.queue.Queue;
import dev.flowbase.queue.QueueDepth;
import dev.flowbase.queue.Throughput;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The dashboard's last hour: every {@link #INTERVAL} this server samples the queues' depth and the
 * attempts that ended since the last sample, keeping {@link #KEEP} samples. In memory, per server:
 * a restart starts a new hour (the depth is the database's; the ended attempts are this server's).
 */
public final class History {
    static final Duration INTERVAL = Duration.ofSeconds(15);
    static final int KEEP = (int) (Duration.ofHours(1).toSeconds() / INTERVAL.toSeconds());

    /** One sample: the time, tasks ready, running and dead over all queues, and attempts ended since the last. */
    public record Point(long at, long ready, long running, long dead, long ended) {}

    private final Queue queue;
    private final InstantSource clock;
    private final Deque<Point> points = new ArrayDeque<>();
    private long lastEnded = -1;
    private final BooleanSupplier schemaReady;

    public History(Queue queue, InstantSource clock, BooleanSupplier schemaReady) {
        this.queue = queue;
        this.clock = clock;
        this.schemaReady = schemaReady;
    }

    /**
     * Takes a sample now; the server's timer calls it every {@link #INTERVAL}. Until the schema is
     * there it takes none and answers {@code null}: there are no queues to measure yet.
     */
    public synchronized Point sample() {
        if (!schemaReady.getAsBoolean()) {
            return null;
        }
        List<QueueDepth> depth = queue.depth();
        long ended =
                queue.throughput().stream().mapToLong(Throughput.Count::count).sum();
        Point p = new Point(
                clock.millis(),
                depth.stream().mapToLong(QueueDepth::ready).sum(),
                depth.stream().mapToLong(QueueDepth::running).sum(),
                depth.stream().mapToLong(QueueDepth::dead).sum(),
                lastEnded < 0 ? 0 : ended - lastEnded);
        lastEnded = ended;
        points.addLast(p);
        while (points.size() > KEEP) {
            points.removeFirst();
        }
        return p;
    }

    /** The samples kept, oldest first; the first call takes the first sample (serve starts without one). */
    public synchronized List<Point> points() {
        if (points.isEmpty()) {
            sample();
        }
        return List.copyOf(points);
    }
}
