package dev.flowbase.engines.postgresql;

import dev.flowbase.db.Database;
import dev.flowbase.queue.ClaimRequest;
import dev.flowbase.queue.HeldLock;
import dev.flowbase.queue.Leadership;
import dev.flowbase.queue.Lease;
import dev.flowbase.queue.QueueSql;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.util.Sha256;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * PostgreSQL claims in one statement: the ready rows of {@code task_queue} locked with SKIP LOCKED
 * and leased, their tasks moved to running and returned.
 *
 * <p>Every statement here finds its rows by {@code = ANY(array)} on a primary key, never by joining
 * a CTE or an unnested array, whose size the planner cannot know: it chose a sequential scan of
 * {@code task_queue} with a hash join for the claim (growing with the queue), and for the
 * completion a nested loop comparing every leased row with every pair (growing with the work in
 * flight). See docs/queue.md, "Why a second table".
 */
final class PostgresQueue implements QueueSql {
    /** The ready rows to claim, locked, skipping rows other claimers hold. */
    private static String pick(ClaimRequest c) {
        return "WITH picked AS (SELECT task_id FROM task_queue WHERE queue_name = :queue"
                + " AND lease_owner IS NULL AND run_at <= now()" + c.scope() + " ORDER BY priority DESC, run_at"
                + " LIMIT :max FOR UPDATE SKIP LOCKED)";
    }

    @Override
    public List<Claimed> claimRows(Handle h, ClaimRequest c) {
        return h.createQuery(pick(c) + " UPDATE task_queue q SET lease_owner = :owner, lease_expires_at = "
                        + nowPlus("lease") + ", claimed_at = now(), attempt = q.attempt + 1"
                        + " WHERE q.task_id = ANY(ARRAY(SELECT task_id FROM picked)) RETURNING q.task_id, q.attempt")
                .bindMap(c.bindings())
                .map((rs, ctx) -> new Claimed(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list();
    }

    /** Leases the rows and moves their tasks to running in one statement, returning the tasks. */
    @Override
    public List<Task> claim(Handle h, ClaimRequest c, RowMapper<Task> rows) {
        return h.createQuery(pick(c) + ", leased AS (UPDATE task_queue q SET lease_owner = :owner, lease_expires_at = "
                        + nowPlus("lease") + ", claimed_at = now(), attempt = q.attempt + 1"
                        + " WHERE q.task_id = ANY(ARRAY(SELECT task_id FROM picked)) RETURNING q.task_id, q.attempt)"
                        + " UPDATE tasks t SET status = :running, attempt = leased.attempt, lease_owner = :owner,"
                        + " lease_expires_at = " + nowPlus("lease") + ", heartbeat_at = now(),"
                        + " started_at = COALESCE(t.started_at, now()), updated_at = now()"
                        + " FROM leased WHERE t.id = leased.task_id AND t.id = ANY(ARRAY(SELECT task_id FROM leased))"
                        + " RETURNING t.*")
                .bindMap(c.bindings())
                .bind("running", TaskStatus.RUNNING)
                .map(rows)
                .list();
    }

    /**
     * Deletes the leased rows and moves their tasks to succeeded in one statement, the pairs bound
     * as two arrays: a row is found by its id and fenced by the attempt at the same position.
     */
    @Override
    public List<Claimed> succeed(Handle h, List<Lease> leases) {
        // An id twice in a batch (a task taken over and claimed again) would find the first
        // attempt only; the higher attempt is the only one that can still hold.
        Map<UUID, Integer> latest = new LinkedHashMap<>();
        leases.forEach(l -> latest.merge(l.taskId(), l.attempt(), Math::max));
        return h.createQuery("WITH ended AS (DELETE FROM task_queue q WHERE q.task_id = ANY(:ids)"
                        + " AND q." + QueueSql.HELD + " AND q.attempt = (:attempts)[array_position(:ids, q.task_id)]"
                        + " RETURNING q.task_id, q.attempt),"
                        + " done AS (UPDATE tasks t SET status = :succeeded, completed_at = now(), error_message = NULL,"
                        + " lease_owner = NULL, lease_expires_at = NULL, lock_version = t.lock_version + 1,"
                        + " updated_at = now() WHERE t.id = ANY(ARRAY(SELECT task_id FROM ended)))"
                        + " SELECT task_id, attempt FROM ended")
                // Typed arrays: a text array cast in the statement would be cast again for every row.
                .bindArray("ids", UUID.class, List.copyOf(latest.keySet()))
                .bindArray("attempts", Integer.class, List.copyOf(latest.values()))
                .bind("succeeded", TaskStatus.SUCCEEDED)
                .map((rs, ctx) -> new Claimed(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list();
    }

    @Override
    public Optional<String> notifySql() {
        return Optional.of("SELECT pg_notify('" + PostgresWakeups.CHANNEL + "', :queue)");
    }

    @Override
    public AutoCloseable listen(Database db, Consumer<String> onQueue) {
        return new PostgresWakeups(db, PostgresWakeups.CHANNEL, onQueue, () -> {});
    }

    /**
     * A channel spans the whole database: the sender's schema goes in front of the payload, so that
     * installations sharing a database in schemas of their own never hear each other's events.
     */
    @Override
    public Optional<String> eventSql() {
        return Optional.of("SELECT pg_notify('" + PostgresWakeups.EVENTS
                + "', coalesce(current_schema(), '') || '|' || :payload)");
    }

    @Override
    public AutoCloseable listenEvents(Database db, Consumer<String> heard, Runnable listening) {
        return new PostgresWakeups(db, PostgresWakeups.EVENTS, new OwnSchema(db, heard), listening);
    }

    /** Hands on the payloads sent from this database's schema, without it; drops the others'. */
    private static final class OwnSchema implements Consumer<String> {
        private final Database db;
        private final Consumer<String> heard;
        private volatile String prefix; // read once a notification came: the database answers then

        OwnSchema(Database db, Consumer<String> heard) {
            this.db = db;
            this.heard = heard;
        }

        @Override
        public void accept(String payload) {
            if (prefix == null) {
                prefix = db.withHandle(
                                "Reading the schema events are heard in",
                                h -> h.createQuery("SELECT coalesce(current_schema(), '')")
                                        .mapTo(String.class)
                                        .one())
                        + "|";
            }
            if (payload.startsWith(prefix)) {
                heard.accept(payload.substring(prefix.length()));
            }
        }
    }

    @Override
    public Leadership leadership(Database db, String duty) {
        long key = ByteBuffer.wrap(Sha256.of("flowbase:leader:" + duty)).getLong();
        return new HeldLock(
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
