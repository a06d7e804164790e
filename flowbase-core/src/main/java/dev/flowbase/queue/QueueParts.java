package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.store.Stores;

/**
 * What one {@link Queue} is made of: the database and its engine's part, the stores it reads and
 * audits through, and what every copy of it ({@link Queue#withStores}) shares with the others
 * (wake-ups, throughput counts).
 */
record QueueParts(
        Database db,
        Stores stores,
        QueueSql sql,
        Backoff backoff,
        Wakeups wakeups,
        Throughput throughput,
        Effects effects) {

    static QueueParts of(Database db, Stores stores, Backoff backoff, Wakeups wakeups, Throughput throughput) {
        QueueSql sql = EngineKit.of(db.engine()).part(QueueSql.class);
        Effects effects = new Effects(sql, new Attempts(db, stores));
        return new QueueParts(db, stores, sql, backoff, wakeups, throughput, effects);
    }
}
