package dev.flowbase.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.LogStore;
import dev.flowbase.util.Printable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Flowbase's own log events, into the {@code logs} table: a bounded queue that a logging call only
 * offers to (it never waits on the database), drained in batches by one writer thread. What does
 * not fit, or could not be written, is counted in {@link #dropped()}, never retried into a pile.
 */
public final class LogStoreAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    static final String NAME = "logs-table";

    private final LogStore logs;
    private static final int MAX_CHARS = 16_000;

    private final BlockingQueue<LogEntry.New> pending;
    private final int batch;
    private final Duration interval;
    private final LongAdder written = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private Thread writer;

    public LogStoreAppender(LogStore logs, int capacity, int batch, Duration interval) {
        this.logs = logs;
        this.pending = new ArrayBlockingQueue<>(capacity);
        this.batch = batch;
        this.interval = interval;
        setName(NAME);
    }

    @Override
    public void start() {
        writer = Thread.ofPlatform().name("flowbase-log-writer").daemon().start(this::drainUntilStopped);
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        writer.interrupt();
        try {
            writer.join(interval.toMillis() * 4 + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLoggerName().startsWith(LogStoreAppender.class.getPackageName())) {
            return; // the writer's own complaints would feed on themselves
        }
        if (!pending.offer(entry(event))) {
            dropped.increment();
        }
    }

    private static LogEntry.New entry(ILoggingEvent event) {
        String logger = event.getLoggerName();
        return LogEntry.New.of(
                level(event.getLevel()),
                logger.substring(logger.lastIndexOf('.') + 1),
                stored(event.getFormattedMessage()));
    }

    /**
     * The message as the text log shows it (control characters escaped: a NUL from a request would
     * make PostgreSQL refuse the whole batch), cut to what fits every engine's {@code text} column.
     */
    static String stored(String message) {
        String escaped = Printable.escape(message);
        // 16,000 characters are at most 64,000 bytes of UTF-8, within MariaDB's 65,535-byte TEXT.
        return escaped.length() <= MAX_CHARS ? escaped : escaped.substring(0, MAX_CHARS) + "…";
    }

    private static LogEntry.Level level(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> LogEntry.Level.ERROR;
            case Level.WARN_INT -> LogEntry.Level.WARN;
            case Level.INFO_INT -> LogEntry.Level.INFO;
            default -> LogEntry.Level.DEBUG;
        };
    }

    private void drainUntilStopped() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                LogEntry.New first = pending.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<LogEntry.New> lines = new ArrayList<>(batch);
                    lines.add(first);
                    pending.drainTo(lines, batch - 1);
                    write(lines);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Writes what is queued now, in batches; for a stop, and for tests that read the table next. */
    public void flush() {
        List<LogEntry.New> lines = new ArrayList<>(batch);
        while (pending.drainTo(lines, batch) > 0) {
            write(lines);
            lines.clear();
        }
    }

    private void write(List<LogEntry.New> lines) {
        try {
            logs.appendAll(lines);
            written.add(lines.size());
        } catch (RuntimeException e) {
            dropped.add(lines.size());
            addWarn("could not write " + lines.size() + " log lines to the logs table: " + e.getMessage());
        }
    }

    /** Lines written to the table so far. */
    public long written() {
        return written.sum();
    }

    /** Lines lost so far: the queue was full, or the table could not be written. */
    public long dropped() {
        return dropped.sum();
    }
}
