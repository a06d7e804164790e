package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The part of the queue that differs per engine: how many ready tasks are claimed at once without
 * blocking other claimers, and how the database's own clock is written. Leases expire by the
 * database's clock, so that workers whose clocks disagree still agree on who holds a task.
 */
public interface QueueSql {
    /** The largest payload {@link #eventSql} carries: PostgreSQL's NOTIFY refuses 8,000 bytes. */
    int EVENT_PAYLOAD = 7_900;

    /**
     * The condition that a {@code task_queue} row is under a lease, for statements that find their
     * rows by task id. It names {@code lease_expires_at}, which is set exactly when
     * {@code lease_owner} is ({@code ck_task_queue_lease}), so that no planner takes the lease index
     * ({@code WHERE lease_owner IS NOT NULL}), whose statistics say "almost empty", and filters
     * every running row against the ids instead of looking the ids up.
     */
    String HELD = "lease_expires_at IS NOT NULL";

    /** A claimed task and the attempt it is now at (the fencing token of the lease). */
    record Claimed(UUID taskId, int attempt) {}

    /**
     * Leases up to {@code c.max()} rows of {@code task_queue} of {@code c.queue()} whose
     * {@code run_at} has come, highest priority first, to {@code c.owner()} for {@code c.lease()},
     * counting up their attempt; only the organization's when the request names one
     * ({@link ClaimRequest#scope()}). Rows other claimers hold locked are skipped, never waited for.
     */
    List<Claimed> claimRows(Handle h, ClaimRequest c);

    /**
     * Claims as {@link #claimRows} does and moves the claimed tasks to {@code running}, returning
     * them as they are now. Engines that can do it in one statement override this.
     */
    default List<Task> claim(Handle h, ClaimRequest c, RowMapper<Task> rows) {
        List<UUID> ids = claimRows(h, c).stream().map(Claimed::taskId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        h.createUpdate("UPDATE tasks SET status = :running, attempt = attempt + 1, lease_owner = :owner,"
                        + " lease_expires_at = " + nowPlus("lease") + ", heartbeat_at = " + now() + ","
                        + " started_at = COALESCE(started_at, " + now() + "), updated_at = " + now()
                        + " WHERE id IN (<ids>)")
                .bindMap(c.bindings())
                .bind("running", TaskStatus.RUNNING)
                .bindList("ids", ids)
                .execute();
        return h.createQuery("SELECT * FROM tasks WHERE id IN (<ids>)")
                .bindList("ids", ids)
                .map(rows)
                .list();
    }

    /**
     * Ends the leases that still hold their tasks, fenced by their attempts: deletes their rows of
     * {@code task_queue} and moves their tasks to {@code succeeded}. Returns the (task, attempt)
     * pairs that held. Engines that can do it in one statement override this.
     */
    default List<Claimed> succeed(Handle h, List<Lease> leases) {
        List<Claimed> held = deleteHeld(h, leases);
        if (!held.isEmpty()) {
            h.createUpdate("UPDATE tasks SET status = :succeeded, completed_at = " + now()
                            + ", error_message = NULL, lease_owner = NULL, lease_expires_at = NULL,"
                            + " lock_version = lock_version + 1, updated_at = " + now() + " WHERE id IN (<ids>)")
                    .bind("succeeded", TaskStatus.SUCCEEDED)
                    .bindList("ids", held.stream().map(Claimed::taskId).toList())
                    .execute();
        }
        return held;
    }

    /**
     * Deletes the {@code task_queue} rows these leases still hold (leased, at the lease's attempt)
     * and returns the (task, attempt) pairs that held: how every attempt ends for good. The default
     * is one {@code DELETE … WHERE (task_id, attempt) IN (…) RETURNING}, which the three engines
     * share (PostgreSQL; MariaDB 10.5+; SQLite 3.35+); an engine without it overrides this.
     */
    default List<Claimed> deleteHeld(Handle h, List<Lease> leases) {
        return Fenced.bind(
                        h.createQuery("DELETE FROM task_queue WHERE " + HELD + " AND (task_id, attempt) IN ("
                                + Fenced.pairs(leases.size()) + ") RETURNING task_id, attempt"),
                        leases)
                .map((rs, ctx) -> new Claimed(
                        ctx.findColumnMapperFor(UUID.class).orElseThrow().map(rs, 1, ctx), rs.getInt(2)))
                .list();
    }

    /** The database's current time, as an expression comparable with the instants the stores write. */
    String now();

    /** The database's current time plus the milliseconds bound to {@code :millisName}. */
    String nowPlus(String millisName);

    /**
     * A statement that tells other processes, when the enqueuing transaction commits, that the
     * queue bound to {@code :queue} has new tasks; empty where the engine cannot (they poll).
     */
    default Optional<String> notifySql() {
        return Optional.empty();
    }

    /**
     * Starts hearing other processes' notifications on a connection of {@code db}, calling
     * {@code onQueue} with the queue's name; closing it stops. Nothing where the engine cannot.
     */
    default AutoCloseable listen(Database db, Consumer<String> onQueue) {
        return () -> {};
    }

    /**
     * A statement that sends the text bound to {@code :payload} (at most {@link #EVENT_PAYLOAD}
     * bytes) to every process listening for events, when the transaction commits (at once outside
     * one); empty where the engine cannot ({@link DatabaseEvents}).
     */
    default Optional<String> eventSql() {
        return Optional.empty();
    }

    /**
     * Starts hearing what {@link #eventSql} sends, on a connection of {@code db} held for it,
     * calling {@code heard} with each payload and {@code listening} each time it (re)starts
     * listening; closing it stops. Nothing where the engine cannot.
     */
    default AutoCloseable listenEvents(Database db, Consumer<String> heard, Runnable listening) {
        return () -> {};
    }

    /**
     * The leadership of {@code duty} among the processes on {@code db}: a session lock where the
     * engine has one; every process leads where it has none (SQLite: one machine's processes, and
     * the duties are fenced).
     */
    default Leadership leadership(Database db, String duty) {
        return Leadership.EVERYONE;
    }
}
