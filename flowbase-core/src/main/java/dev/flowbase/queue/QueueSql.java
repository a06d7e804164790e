package dev.flowbase.queue;

import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The part of the queue that differs per engine: how many ready tasks are claimed at once without
 * blocking other claimers, and how the database's own clock is written. Leases expire by the
 * database's clock, so that workers whose clocks disagree still agree on who holds a task.
 */
public interface QueueSql {

    /** A claimed task and the attempt it is now at (the fencing token of the lease). */
    record Claimed(java.util.UUID taskId, int attempt) {}

    /**
     * Moves up to {@code max} ready tasks of {@code queue} whose {@code run_at} has come, highest
     * priority first, to {@code running} under a lease of {@code owner} that lasts {@code lease},
     * counting up their attempt. Tasks other claimers hold locked are skipped, never waited for.
     */
    List<Claimed> claim(Handle h, String queue, int max, String owner, Duration lease);

    /** The database's current time, as an expression comparable with the instants the stores write. */
    String now();

    /** The database's current time plus the milliseconds bound to {@code :millisName}. */
    String nowPlus(String millisName);

    /**
     * A statement that tells other processes, when the enqueuing transaction commits, that the
     * queue bound to {@code :queue} has new tasks; empty where the engine cannot (they poll).
     */
    default java.util.Optional<String> notifySql() {
        return java.util.Optional.empty();
    }

    /**
     * Starts hearing other processes' notifications on a connection of {@code db}, calling
     * {@code onQueue} with the queue's name; closing it stops. Nothing where the engine cannot.
     */
    default AutoCloseable listen(dev.flowbase.db.Database db, java.util.function.Consumer<String> onQueue) {
        return () -> {};
    }

    /**
     * The leadership of {@code duty} among the processes on {@code db}: a session lock where the
     * engine has one; every process leads where it has none (SQLite: one machine's processes, and
     * the duties are fenced).
     */
    default Leadership leadership(dev.flowbase.db.Database db, String duty) {
        return Leadership.EVERYONE;
    }
}
