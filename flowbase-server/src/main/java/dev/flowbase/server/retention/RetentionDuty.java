package dev.flowbase.server.retention;

import dev.flowbase.db.Database;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.queue.Leadership;
import dev.flowbase.queue.QueueSql;
import dev.flowbase.search.Retention;
import dev.flowbase.search.RetentionResult;
import dev.flowbase.util.Every;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retention policy every hour (the first two minutes after start) on the one server that
 * leads the {@code retention} duty; the lead is asked again before every batch, so a server that
 * loses it stops within one batch and the new leader goes on from there.
 */
public final class RetentionDuty {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionDuty.class);

    private RetentionDuty() {}

    /** Starts the duty; a policy without rules starts nothing. */
    public static AutoCloseable start(Database db, RetentionSettings settings, BooleanSupplier schemaReady) {
        if (settings.policy().isEmpty()) {
            return () -> {};
        }
        Leadership leadership = EngineKit.of(db.engine()).part(QueueSql.class).leadership(db, "retention");
        Retention retention = new Retention(db, InstantSource.system(), settings.batchSize());
        Every every = Every.start("flowbase-retention", Duration.ofMinutes(2), Duration.ofHours(1), () -> {
            if (!schemaReady.getAsBoolean() || !leadership.lead()) {
                return;
            }
            RetentionResult result = retention.run(
                    settings.policy(),
                    (rule, deleted, total) -> LOG.debug("retention {}: {} row(s) deleted so far", rule, total),
                    leadership::lead);
            result.rules().forEach(r -> {
                if (r.failure() != null) {
                    LOG.warn("retention {} failed after {} row(s): {}", r.rule(), r.rows(), r.failure());
                } else if (r.rows() > 0) {
                    LOG.info("retention {}: deleted {} row(s) from {}", r.rule(), r.rows(), r.table());
                }
            });
        });
        return () -> {
            every.close();
            leadership.close();
        };
    }
}
