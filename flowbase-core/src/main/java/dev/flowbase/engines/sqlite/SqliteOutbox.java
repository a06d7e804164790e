package dev.flowbase.engines.sqlite;

import dev.flowbase.queue.OutboxSql;

/** SQLite numbers the outbox with its rowid; AUTOINCREMENT keeps a deleted number from being used again. */
final class SqliteOutbox implements OutboxSql {
    @Override
    public String sequenceColumn() {
        return "seq INTEGER PRIMARY KEY AUTOINCREMENT";
    }
}
