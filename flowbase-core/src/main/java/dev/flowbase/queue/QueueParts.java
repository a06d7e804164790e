package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.store.Stores;
import org.slf4j.LoggerFactory;

/**
 * What one {@link Queue} is made of: the database and its engine's part, the stores it reads and
 * audits through, and what every copy of it ({@link Queue#withStores}) shares with the others
 * (wake-ups, throughput counts, the listener of its changes).
 */
record QueueParts(
        Database db,
        Stores stores,
        QueueSql sql,
        Backoff backoff,
        Wakeups wakeups,
        Throughput throughput,
        TaskListener listener,
        Effects effects,
        RunEnds runEnds,
        Fallback fallback) {

    static QueueParts of(
            Database db,
            Stores stores,
            Backoff backoff,
            Wakeups wakeups,
            Throughput throughput,
            TaskListener listener,
            Fallback fallback) {
        QueueSql sql = EngineKit.of(db.engine()).part(QueueSql.class);
        RunEnds runEnds = new RunEnds(run -> tellSafely(listener, run));
        Effects effects = new Effects(sql, new Attempts(db, stores), runEnds);
        return new QueueParts(db, stores, sql, backoff, wakeups, throughput, listener, effects, runEnds, fallback);
    }

    private static void tellSafely(TaskListener listener, RunEnded run) {
        try {
            listener.runEnded(run);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Queue.class)
                    .warn("a task listener failed on the end of run {}: {}", run.run(), e.toString());
        }
    }

    /** Tells the listener of a committed change, then of the run it ended, if it did; a listener that throws is logged, never the caller's failure. */
    void tell(TaskChange change) {
        try {
            listener.changed(change);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Queue.class)
                    .warn(
                            "a task listener failed on {} of task {}: {}",
                            change.change(),
                            change.taskId(),
                            e.toString());
        }
        runEnds.told(change);
    }
}
