package dev.flowbase.engines.postgresql;

import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.resilience.Backoff;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the {@code NOTIFY}s of one channel ({@code flowbase_queue}: tasks enqueued; {@code
 * flowbase_events}: the live events of other processes) on one connection held for it, on a thread
 * of its own. A lost
 * connection is opened again after a pause that grows with each failure, with jitter
 * ({@link Backoff#RECONNECT}); a multi-host URL then finds the new primary, and LISTEN is issued
 * there (a standby refuses it, which is one more failure). A server that goes silent without
 * closing the connection is found by a cheap statement every {@link #CHECK_EVERY}, bounded by the
 * socket timeout. Meanwhile the workers' polling backstop covers.
 */
final class PostgresWakeups implements AutoCloseable {
    static final String CHANNEL = "flowbase_queue";
    static final String EVENTS = "flowbase_events";
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(PostgresWakeups.class);

    private final Database db;
    private final String channel;
    private final Consumer<String> onQueue;
    private final Runnable listening;
    private final Thread thread;
    private volatile boolean open = true;

    /** {@code listening} is run each time LISTEN took effect: from then on, nothing sent is missed. */
    PostgresWakeups(Database db, String channel, Consumer<String> onQueue, Runnable listening) {
        this.db = db;
        this.channel = channel;
        this.onQueue = onQueue;
        this.listening = listening;
        this.thread = Thread.ofPlatform().name("flowbase-listen").daemon().start(this::loop);
    }

    private void loop() {
        int failures = 0;
        while (open) {
            try (Connection c = db.directDataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("LISTEN " + channel);
                if (failures > 0) {
                    LOG.info("Listening on {} again, after {} failed attempt(s)", channel, failures);
                }
                failures = 0;
                listening.run();
                listen(c.unwrap(PGConnection.class), s);
            } catch (SQLException | RuntimeException e) {
                if (open) {
                    failures++;
                    Duration pause = Backoff.RECONNECT.pause(failures);
                    LOG.warn(
                            "Listening on {} failed ({}), polling or missing meanwhile; trying again in {} ms",
                            channel,
                            SqlErrors.firstLineOf(e),
                            pause.toMillis());
                    pause(pause);
                }
            }
        }
    }

    private void listen(PGConnection pg, Statement s) throws SQLException {
        long checked = System.nanoTime();
        while (open) {
            PGNotification[] notes = pg.getNotifications(500);
            if (notes != null) {
                for (PGNotification n : notes) {
                    onQueue.accept(n.getParameter());
                }
            }
            if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
                s.execute("SELECT 1"); // fails when the server went silent: reconnect
                checked = System.nanoTime();
            }
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        thread.interrupt(); // ends a pause between attempts at once
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
