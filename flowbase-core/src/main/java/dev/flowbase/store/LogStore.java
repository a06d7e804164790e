package dev.flowbase.store;

import dev.flowbase.util.Json;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The log store: appended in batches, read newest first through the level/component/time indexes. */
public final class LogStore {
    private final Tx tx;
    private final String insert;

    LogStore(Tx tx) {
        this.tx = tx;
        this.insert = Rows.insert(
                tx,
                "logs",
                "id",
                "organization_id",
                "level",
                "component",
                "message",
                "context",
                "workflow_id",
                "workflow_execution_id",
                "task_id",
                "task_execution_id",
                "created_at");
    }

    public LogEntry append(LogEntry.New line) {
        return tx.write("Writing a log line", h -> {
            LogEntry entry = entry(line, tx.now());
            h.createUpdate(insert).bindMethods(entry).execute();
            return entry;
        });
    }

    /** Appends many lines in one transaction; returns how many. */
    public int appendAll(List<LogEntry.New> lines) {
        if (lines.isEmpty()) {
            return 0;
        }
        return tx.write("Writing " + lines.size() + " log lines", h -> {
            Instant now = tx.now();
            PreparedBatch batch = h.prepareBatch(insert);
            for (LogEntry.New line : lines) {
                batch.bindMethods(entry(line, now)).add();
            }
            return batch.execute().length;
        });
    }

    /**
     * Deletes the lines written before {@code before} (by the index on {@code created_at}): the log
     * store's retention. Returns how many.
     */
    public int deleteOlderThan(Instant before) {
        return tx.write(
                "Deleting log lines older than " + before,
                h -> h.createUpdate("DELETE FROM logs WHERE created_at < :before")
                        .bind("before", before)
                        .execute());
    }

    public Page<LogEntry> query(LogFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        // A caller's stores read their own organization's lines whatever the filter says, and
        // Flowbase's own only when the filter was made for that organization with them (in(org, true)).
        UUID org = tx.tenant != null ? tx.tenant : filter.organizationId();
        boolean flowbaseLines =
                filter.flowbaseLines() && (tx.tenant == null || tx.tenant.equals(filter.organizationId()));
        if (org != null) {
            where.append(
                    flowbaseLines
                            ? " AND (organization_id = :org OR organization_id IS NULL)"
                            : " AND organization_id = :org");
        }
        if (filter.level() != null) {
            where.append(" AND level = :level");
        }
        if (filter.component() != null) {
            where.append(" AND component = :component");
        }
        if (filter.taskId() != null) {
            where.append(" AND task_id = :task");
        }
        if (filter.since() != null) {
            where.append(" AND created_at >= :since");
        }
        if (filter.text() != null) {
            where.append(" AND message LIKE :text ESCAPE '!'");
        }
        return tx.read(
                "Reading logs",
                h -> Keyset.NEWEST_FIRST.fetch(
                        tx,
                        h,
                        "logs",
                        where.toString(),
                        page,
                        LogEntry.class,
                        q -> q.bind("org", org)
                                .bind("level", filter.level())
                                .bind("component", filter.component())
                                .bind("task", filter.taskId())
                                .bindByType("since", filter.since(), Instant.class)
                                .bind("text", filter.text() == null ? null : "%" + escapeLike(filter.text()) + "%")));
    }

    private LogEntry entry(LogEntry.New line, Instant now) {
        return new LogEntry(
                tx.newId(now),
                line.organizationId(),
                line.level(),
                line.component(),
                line.message(),
                Checks.orDefault(line.context(), Json.emptyObject()),
                line.workflowId(),
                line.workflowExecutionId(),
                line.taskId(),
                line.taskExecutionId(),
                now);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
