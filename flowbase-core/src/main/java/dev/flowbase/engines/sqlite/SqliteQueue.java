package dev.flowbase.engines.sqlite;

import dev.flowbase.queue.ClaimRequest;
import dev.flowbase.queue.QueueSql;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQLite has one writer, which holds the write lock from BEGIN: the claim is one UPDATE of the
 * chosen ids, RETURNING them. Times are the text the stores write (UTC, milliseconds), so they
 * compare as text.
 */
final class SqliteQueue implements QueueSql {
    private static final String FORMAT = "'%Y-%m-%dT%H:%M:%fZ'";

    @Override
    public List<Claimed> claimRows(Handle h, ClaimRequest c) {
        return h.createQuery("UPDATE task_queue SET lease_owner = :owner, lease_expires_at = " + nowPlus("lease") + ","
                        + " claimed_at = " + now() + ", attempt = attempt + 1 WHERE task_id IN (SELECT task_id"
                        + " FROM task_queue WHERE queue_name = :queue AND lease_owner IS NULL AND run_at <= " + now()
                        + c.scope() + " ORDER BY priority DESC, run_at LIMIT :max) RETURNING task_id, attempt")
                .bindMap(c.bindings())
                .map((rs, ctx) -> new Claimed(UUID.fromString(rs.getString(1)), rs.getInt(2)))
                .list();
    }

    @Override
    public String now() {
        return "strftime(" + FORMAT + ", 'now')";
    }

    @Override
    public String nowPlus(String millisName) {
        return "strftime(" + FORMAT + ", 'now', (:" + millisName + " / 1000.0) || ' seconds')";
    }
}
