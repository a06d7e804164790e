package dev.flowbase.queue;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.store.NewTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Store and forward: while the primary database is unreachable, new tasks are kept in an outbox on
 * a second database ({@code DB_FALLBACK_URL}) and answered as accepted and deferred; when the
 * primary answers again, the leader replays them into it in the order they were accepted, each
 * once (by the id the caller was given), and deletes them. Nothing else is written to the
 * fallback: it is never a second source of truth (docs/resilience.md).
 */
public final class Fallback implements AutoCloseable {
    /** No fallback: an outage of the primary refuses every write. */
    public static final Fallback NONE = new Fallback(null);

    private static final Logger LOG = LoggerFactory.getLogger(Fallback.class);
    private static final int BATCH = 100;

    private final Outbox outbox;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong setAside = new AtomicLong();

    private Fallback(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The fallback {@code primary}'s configuration names, opened and its outbox made ready; {@link #NONE} if none. */
    public static Fallback open(DatabaseConfig primary) {
        return primary.fallback().map(Fallback::openFallback).orElse(NONE);
    }

    private static Fallback openFallback(DatabaseConfig config) {
        try {
            return on(Database.open(config));
        } catch (FlowbaseException e) {
            throw new FlowbaseException(
                    e.code(), "The fallback database (DB_FALLBACK_URL) cannot be used: " + e.getMessage(), e);
        }
    }

    /** A fallback on {@code db} (which it closes), its outbox made ready. */
    public static Fallback on(Database db) {
        Outbox outbox = new Outbox(db);
        try {
            outbox.prepare();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new Fallback(outbox);
    }

    public boolean configured() {
        return outbox != null;
    }

    /** The fallback database, for status and metrics. */
    public Optional<Database> database() {
        return Optional.ofNullable(outbox).map(Outbox::database);
    }

    /** Keeps a new task for the primary; a key the outbox holds already answers with that task's id. */
    EnqueueOutcome accept(UUID id, NewTask task, List<UUID> dependsOn, Instant now) {
        Optional<UUID> earlier = outbox.byKey(task);
        if (earlier.isPresent()) {
            return EnqueueOutcome.deferred(Deferred.task(earlier.get(), task, now), false);
        }
        // Run at the time it was accepted: ahead of what the primary takes after it returns.
        NewTask kept = task.runAt() == null ? task.runAt(now) : task;
        try {
            outbox.add(id, kept, dependsOn, now);
        } catch (FlowbaseException e) {
            // The same key kept by another request in between: theirs stands.
            UUID theirs = outbox.byKey(task).orElseThrow(() -> e);
            return EnqueueOutcome.deferred(Deferred.task(theirs, task, now), false);
        }
        accepted.incrementAndGet();
        return EnqueueOutcome.deferred(Deferred.task(id, kept, now), true);
    }

    /**
     * Moves the outbox into {@code queue}'s database in the order it was accepted, deleting each
     * task once the primary has it. A task the primary has already (a replay that stopped between
     * the two) is not added again; one whose idempotency key the primary used meanwhile is dropped
     * (the primary's stands); one the primary refuses (a parent or workflow deleted meanwhile) is set
     * aside in the outbox. Call it where leadership is held; it stops at the first outage.
     *
     * @return how many tasks left the outbox
     */
    public int replay(Queue queue) {
        if (outbox == null) {
            return 0;
        }
        int moved = 0;
        for (List<Outbox.Row> rows = outbox.next(BATCH); !rows.isEmpty(); rows = outbox.next(BATCH)) {
            for (Outbox.Row row : rows) {
                try {
                    EnqueueOutcome o = queue.replay(row.taskId(), row.task(), row.dependsOn());
                    (o.task().id().equals(row.taskId()) ? replayed : dropped).incrementAndGet();
                } catch (FlowbaseException e) {
                    if (Outages.unreachable(queue.database(), e)) {
                        return moved;
                    }
                    LOG.warn(
                            "the primary refused task {} from the fallback's outbox: {}", row.taskId(), e.getMessage());
                    outbox.reject(row.seq(), e.getMessage());
                    setAside.incrementAndGet();
                    continue;
                }
                outbox.delete(row.seq());
                moved++;
            }
        }
        return moved;
    }

    /**
     * What a caller is told instead of {@code failure} when it says the primary is unreachable and
     * this fallback takes new tasks: that nothing else is taken, and when to retry; else {@code failure}.
     */
    public RuntimeException refusal(RuntimeException failure, Database primary) {
        if (outbox == null || failure instanceof FallbackRefusedException || !Outages.unreachable(primary, failure)) {
            return failure;
        }
        return new FallbackRefusedException(retryAfter(primary), failure);
    }

    /** What a caller is told when the primary was unreachable and keeping the task failed too. */
    RuntimeException refusalOfBoth(
            RuntimeException fallbackFailure, RuntimeException primaryFailure, Database primary) {
        fallbackFailure.addSuppressed(primaryFailure);
        return FallbackRefusedException.bothUnreachable(retryAfter(primary), fallbackFailure);
    }

    private static Duration retryAfter(Database primary) {
        Duration wait = primary.breaker().state().retryAfter();
        return wait.isZero() ? primary.config().breaker().openWait() : wait;
    }

    /** The outbox now (read from the fallback) and what this process did with it. */
    public FallbackStats stats() {
        if (outbox == null) {
            return FallbackStats.NONE;
        }
        long[] counts = outbox.counts();
        return tally(counts[0], counts[1]);
    }

    /** What this process did with the outbox, without reading it (waiting and set aside as -1): for counters. */
    public FallbackStats tally() {
        return outbox == null ? FallbackStats.NONE : tally(-1, -1);
    }

    private FallbackStats tally(long waiting, long rejected) {
        return new FallbackStats(
                true, waiting, rejected, accepted.get(), replayed.get(), dropped.get(), setAside.get());
    }

    @Override
    public void close() {
        if (outbox != null) {
            outbox.database().close();
        }
    }
}
