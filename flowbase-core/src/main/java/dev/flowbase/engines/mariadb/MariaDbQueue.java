package dev.flowbase.engines.mariadb;

import dev.flowbase.db.Database;
import dev.flowbase.queue.ClaimRequest;
import dev.flowbase.queue.HeldLock;
import dev.flowbase.queue.Leadership;
import dev.flowbase.queue.QueueSql;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * MariaDB has SKIP LOCKED but no UPDATE … RETURNING: the ready ids are locked and read, then
 * updated by primary key, in the caller's one short transaction.
 */
final class MariaDbQueue implements QueueSql {

    @Override
    public List<Claimed> claimRows(Handle h, ClaimRequest c) {
        List<UUID> ids = h.createQuery(
                        "SELECT task_id FROM task_queue WHERE queue_name = :queue AND lease_owner IS NULL"
                                + " AND run_at <= UTC_TIMESTAMP(6)" + c.scope()
                                + " ORDER BY priority DESC, run_at LIMIT :max"
                                + " FOR UPDATE SKIP LOCKED")
                .bindMap(c.bindings())
                .mapTo(UUID.class)
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        h.createUpdate("UPDATE task_queue SET lease_owner = :owner, lease_expires_at = " + nowPlus("lease") + ","
                        + " claimed_at = UTC_TIMESTAMP(6), attempt = attempt + 1 WHERE task_id IN (<ids>)")
                .bindMap(c.bindings())
                .bindList("ids", ids)
                .execute();
        return h.createQuery("SELECT task_id, attempt FROM task_queue WHERE task_id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> new Claimed(UUID.fromString(rs.getString(1)), rs.getInt(2)))
                .list();
    }

    @Override
    public Leadership leadership(Database db, String duty) {
        // GET_LOCK names are server-wide: the database's name keeps two installations apart.
        String name = ("flowbase:" + db.config().database() + ":" + duty);
        return new HeldLock(
                db,
                "SELECT GET_LOCK(?, 0)",
                "SELECT RELEASE_LOCK(?)",
                name.length() > 64 ? name.substring(0, 64) : name);
    }

    @Override
    public String now() {
        return "UTC_TIMESTAMP(6)";
    }

    @Override
    public String nowPlus(String millisName) {
        return "TIMESTAMPADD(MICROSECOND, :" + millisName + " * 1000, UTC_TIMESTAMP(6))";
    }
}
