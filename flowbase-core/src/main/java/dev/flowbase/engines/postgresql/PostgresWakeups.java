package dev.flowbase.engines.postgresql;

import dev.flowbase.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears {@code NOTIFY flowbase_queue} on one connection held for it, on a thread of its own. A
 * lost connection is opened again after a pause; meanwhile the workers' polling backstop covers.
 */
final class PostgresWakeups implements AutoCloseable {
    static final String CHANNEL = "flowbase_queue";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresWakeups.class);

    private final Database db;
    private final Consumer<String> onQueue;
    private final Thread thread;
    private volatile boolean open = true;

    PostgresWakeups(Database db, Consumer<String> onQueue) {
        this.db = db;
        this.onQueue = onQueue;
        this.thread = Thread.ofPlatform().name("flowbase-listen").daemon().start(this::loop);
    }

    private void loop() {
        while (open) {
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (open) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes != null) {
                        for (PGNotification n : notes) {
                            onQueue.accept(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (open) {
                    LOG.warn("Listening for enqueued tasks failed, polling meanwhile: {}", e.getMessage());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
