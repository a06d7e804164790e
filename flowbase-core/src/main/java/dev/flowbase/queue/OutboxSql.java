package dev.flowbase.queue;

/**
 * What differs per engine in the fallback's outbox ({@link Fallback}): how a column numbers rows in
 * the order they were written, and a text column that holds a task's parameters whole.
 */
public interface OutboxSql {
    /** The column definition of {@code seq}: the primary key, numbered by the engine, ascending in insert order. */
    String sequenceColumn();

    /** The type of a column that holds any JSON a task may carry (its parameters are up to 1 MB). */
    default String longText() {
        return "TEXT";
    }
}
