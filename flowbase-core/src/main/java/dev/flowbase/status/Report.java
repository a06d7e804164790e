package dev.flowbase.status;

import dev.flowbase.db.PoolStats;
import dev.flowbase.queue.QueueDepth;
import java.time.Instant;
import java.util.List;

/**
 * Everything on one page at one moment: the overall verdict is the worst of the checks.
 *
 * @param queues the depth of each queue (empty when the database could not be read)
 */
public record Report(
        Instant at,
        Verdict verdict,
        String engine,
        String serverVersion,
        String database,
        List<Check> checks,
        PoolStats pool,
        List<QueueDepth> queues) {
    public Report {
        checks = List.copyOf(checks);
        queues = List.copyOf(queues);
    }
}
