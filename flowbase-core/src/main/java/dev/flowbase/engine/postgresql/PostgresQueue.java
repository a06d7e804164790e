package dev.flowbase.engine.postgresql;

import dev.flowbase.queue.QueueSql;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** PostgreSQL claims in one statement: the ready ids locked with SKIP LOCKED, updated, returned. */
final class PostgresQueue implements QueueSql {

    @Override
    public List<Claimed> claim(Handle h, String queue, int max, String owner, Duration lease) {
        return h.createQuery("WITH picked AS (SELECT id FROM tasks WHERE queue_name = :queue AND status = 'ready'"
                        + " AND run_at <= now() ORDER BY priority DESC, run_at, id LIMIT :max FOR UPDATE SKIP LOCKED)"
                        + " UPDATE tasks t SET status = 'running', lease_owner = :owner,"
                        + " lease_expires_at = " + nowPlus("lease") + ", heartbeat_at = now(),"
                        + " attempt = t.attempt + 1, started_at = COALESCE(t.started_at, now()), updated_at = now()"
                        + " FROM picked WHERE t.id = picked.id RETURNING t.id, t.attempt")
                .bind("queue", queue)
                .bind("max", max)
                .bind("owner", owner)
                .bind("lease", lease.toMillis())
                .map((rs, ctx) -> new Claimed(rs.getObject(1, java.util.UUID.class), rs.getInt(2)))
                .list();
    }

    @Override
    public java.util.Optional<String> notifySql() {
        return java.util.Optional.of("SELECT pg_notify('" + PostgresWakeups.CHANNEL + "', :queue)");
    }

    @Override
    public AutoCloseable listen(dev.flowbase.db.Database db, java.util.function.Consumer<String> onQueue) {
        return new PostgresWakeups(db, onQueue);
    }

    @Override
    public dev.flowbase.queue.Leadership leadership(dev.flowbase.db.Database db, String duty) {
        long key = java.nio.ByteBuffer.wrap(dev.flowbase.util.Sha256.of("flowbase:leader:" + duty))
                .getLong();
        return new dev.flowbase.queue.HeldLock(
                db, "SELECT CASE WHEN pg_try_advisory_lock(?) THEN 1 ELSE 0 END", "SELECT pg_advisory_unlock(?)", key);
    }

    @Override
    public String now() {
        return "now()";
    }

    @Override
    public String nowPlus(String millisName) {
        return "(now() + :" + millisName + " * interval '1 millisecond')";
    }
}
