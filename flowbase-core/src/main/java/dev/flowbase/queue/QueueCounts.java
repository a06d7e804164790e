package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.store.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The queue's counts: the cheap depth of the live queues, and the full count of every state. */
final class QueueCounts {
    private QueueCounts() {}

    /**
     * See {@link Queue#depth}: two grouped reads, of {@code task_queue} and of the dead-letter index;
     * of one organization's tasks when {@code organization} is not null (joined to {@code tasks} by key).
     */
    static List<QueueDepth> depth(Database db, QueueSql sql, UUID organization) {
        String ofOrganization =
                organization == null ? "" : " JOIN tasks t ON t.id = q.task_id AND t.organization_id = :org";
        return db.withHandle("Measuring the depth of the queues", h -> {
            Map<String, QueueDepth> byQueue = new TreeMap<>();
            h.createQuery("SELECT q.queue_name,"
                            + " SUM(CASE WHEN q.lease_owner IS NULL AND q.run_at <= " + sql.now()
                            + " THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN q.lease_owner IS NULL AND q.run_at > " + sql.now()
                            + " THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN q.lease_owner IS NOT NULL THEN 1 ELSE 0 END)"
                            + " FROM task_queue q" + ofOrganization + " GROUP BY q.queue_name")
                    .bind("org", organization)
                    .map((rs, ctx) -> new QueueDepth(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), 0))
                    .forEach(d -> byQueue.put(d.queue(), d));
            h.createQuery("SELECT queue_name, COUNT(*) FROM tasks WHERE dead_lettered_at IS NOT NULL"
                            + " AND status = :dead" + (organization == null ? "" : " AND organization_id = :org")
                            + " GROUP BY queue_name")
                    .bind("dead", TaskStatus.DEAD)
                    .bind("org", organization)
                    .map((rs, ctx) -> new QueueDepth(rs.getString(1), 0, 0, 0, rs.getLong(2)))
                    .forEach(dead -> byQueue.merge(
                            dead.queue(),
                            dead,
                            (live, d) -> new QueueDepth(
                                    live.queue(), live.ready(), live.delayed(), live.running(), d.dead())));
            return List.copyOf(byQueue.values());
        });
    }

    /** A queue's oldest ready task's {@code run_at}, mapped as every instant is on its engine. */
    record Oldest(String queueName, Instant runAt) {}

    /** See {@link Queue#oldestReady}: one grouped read of the narrow table. */
    static Map<String, Instant> oldestReady(Database db, QueueSql sql) {
        return db.withHandle("Measuring how long the queues keep work waiting", h -> {
            Map<String, Instant> oldest = new TreeMap<>();
            h.createQuery("SELECT queue_name, MIN(run_at) AS run_at FROM task_queue"
                            + " WHERE lease_owner IS NULL AND run_at <= " + sql.now() + " GROUP BY queue_name")
                    .map(db.rows(Oldest.class))
                    .forEach(o -> oldest.put(o.queueName(), o.runAt()));
            return oldest;
        });
    }

    /** See {@link Queue#stats}. */
    static List<QueueCount> stats(Database db) {
        return db.withHandle(
                "Counting tasks per queue",
                h -> h.createQuery("SELECT queue_name, status, COUNT(*) AS n FROM tasks GROUP BY queue_name, status"
                                + " ORDER BY queue_name, status")
                        .map((rs, ctx) -> new QueueCount(
                                rs.getString(1),
                                TaskStatus.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                                rs.getLong(3)))
                        .list());
    }
}
