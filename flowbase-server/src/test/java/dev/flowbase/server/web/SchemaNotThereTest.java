package dev.flowbase.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.queue.Queue;
import dev.flowbase.status.SchemaReady;
import dev.flowbase.testing.EngineTest;
import java.time.InstantSource;

/**
 * A server on a database nobody has initialised: its background jobs wait quietly for the schema
 * (instead of failing with "no such table" at every tick) and start once it is there.
 */
class SchemaNotThereTest {
    @EngineTest
    void theDashboardHistoryWaitsForTheSchemaAndSamplesOnceItIsThere(Database db) {
        SchemaReady ready = SchemaReady.of(db);
        History history = new History(Queue.create(db), InstantSource.system(), ready);

        boolean readyBefore = ready.getAsBoolean();
        History.Point before = history.sample();
        Migrator.configure().database(db).load().migrate();
        History.Point after = history.sample();

        assertThat(readyBefore).isFalse();
        assertThat(before).isNull();
        assertThat(ready.getAsBoolean()).isTrue();
        assertThat(after).isNotNull();
        assertThat(history.points()).containsExactly(after);
    }

    /** serve takes no sample at start (bench/RESULTS.md, start-up of serve): the dashboard's first read takes it. */
    @EngineTest
    void theHistorysFirstReadTakesTheFirstSample(Database db) {
        Migrator.configure().database(db).load().migrate();
        History history = new History(Queue.create(db), InstantSource.system(), SchemaReady.of(db));

        var first = history.points();
        var second = history.points();

        assertThat(first).hasSize(1);
        assertThat(first.get(0).ready()).isZero();
        assertThat(second).isEqualTo(first);
    }
}
