package dev.flowbase.engines.postgresql;

import dev.flowbase.queue.OutboxSql;

/** PostgreSQL numbers the outbox with an identity column. */
final class PostgresOutbox implements OutboxSql {
    @Override
    public String sequenceColumn() {
        return "seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
    }
}
