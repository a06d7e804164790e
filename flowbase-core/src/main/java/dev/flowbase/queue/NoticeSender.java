package dev.flowbase.queue;

import dev.flowbase.db.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the events of {@link DatabaseEvents} to the other processes, in the order given, from one
 * thread of its own, a drained batch per transaction (delivered together, in order, at its commit). Events that find the database away, or the
 * backlog full ({@link #BACKLOG}), are dropped and counted in the log: the bus is at most once, and
 * a publisher must never wait on it. Closing sends what is queued, for a few seconds at most.
 */
final class NoticeSender implements AutoCloseable {
    static final int BACKLOG = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(NoticeSender.class);

    private final Database db;
    private final String statement;
    private final BlockingQueue<String> queued = new ArrayBlockingQueue<>(BACKLOG);
    private final Thread thread;
    private volatile boolean open = true;
    private long dropped;

    NoticeSender(Database db, String statement) {
        this.db = db;
        this.statement = statement;
        this.thread = Thread.ofPlatform().name("flowbase-events-send").daemon().start(this::loop);
    }

    void send(String payload) {
        if (!queued.offer(payload)) {
            dropped("the backlog is full", 1);
        }
    }

    private void loop() {
        while (open || !queued.isEmpty()) {
            try {
                String first = queued.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<String> batch = new ArrayList<>(List.of(first));
                queued.drainTo(batch, 499);
                sendAll(batch);
            } catch (InterruptedException e) {
                open = false; // closing: what is queued is still sent
            }
        }
    }

    private void sendAll(List<String> batch) {
        try {
            // One transaction: one commit, so the engine's lock on its notification queue is taken once per batch.
            db.inTransaction("Telling other processes of " + batch.size() + " event(s)", h -> {
                for (String payload : batch) {
                    h.createQuery(statement)
                            .bind("payload", payload)
                            .mapTo(String.class)
                            .findFirst();
                }
                return null;
            });
        } catch (RuntimeException e) {
            dropped(e.getMessage(), batch.size());
        }
    }

    /** Logged at the first drop and then once per thousand, so a database that is away floods no log. */
    private synchronized void dropped(String why, int n) {
        long before = dropped;
        dropped += n;
        if (before == 0 || before / 1000 != dropped / 1000) {
            LOG.warn("{} event(s) not sent to other processes ({}); {} so far", n, why, dropped);
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
