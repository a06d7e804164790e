package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.cache.Event;
import dev.flowbase.cache.EventBus;
import dev.flowbase.cache.LocalEventBus;
import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The event bus between processes without Redis: two buses on one database (two processes, as
 * far as the database can tell) hear each other's events once each, in order, their own never
 * twice; a bus on another schema of the same database hears nothing. Where the engine has no
 * notifications, the in-process bus stays as it was.
 */
class DatabaseEventsTest {

    @EngineTest
    void anotherProcessHearsEachEventOnceInOrderAndAnotherSchemaNothing(TestDatabase test, Database db)
            throws Exception {
        LocalEventBus local = new LocalEventBus(Clock.systemUTC());
        EventBus mine = DatabaseEvents.over(db).apply(local);
        if (!(mine instanceof DatabaseEvents)) { // MariaDB, SQLite: nothing travels without Redis
            assertThat(mine).isSameAs(local);
            return;
        }
        db.execute("Making a second installation's schema", "CREATE SCHEMA other_installation");
        try (Database other = test.open();
                Database elsewhere = Database.open(db.config().toBuilder()
                        .option("currentSchema", "other_installation")
                        .build());
                EventBus theirs = DatabaseEvents.over(other).apply(new LocalEventBus(Clock.systemUTC()));
                EventBus stranger = DatabaseEvents.over(elsewhere).apply(new LocalEventBus(Clock.systemUTC()));
                EventBus strangersPeer = DatabaseEvents.over(elsewhere).apply(new LocalEventBus(Clock.systemUTC()))) {
            BlockingQueue<Event> ours = new LinkedBlockingQueue<>();
            BlockingQueue<Event> heard = new LinkedBlockingQueue<>();
            BlockingQueue<Event> strange = new LinkedBlockingQueue<>();
            mine.subscribe(ours::add);
            theirs.subscribe(heard::add);
            stranger.subscribe(strange::add);
            for (EventBus bus : List.of(mine, theirs, stranger)) {
                assertThat(((DatabaseEvents) bus).listening(10_000)).isTrue();
            }

            mine.publish("task.claimed", "org-a", "{\"task\":\"t1\"}");
            mine.publish("task.succeeded", "org-a", "{\"task\":\"t1\"}");
            Event first = heard.poll(10, TimeUnit.SECONDS);
            Event second = heard.poll(10, TimeUnit.SECONDS);
            assertThat(List.of(first.type(), second.type())).containsExactly("task.claimed", "task.succeeded");
            assertThat(first.organization()).isEqualTo("org-a");
            assertThat(first.data()).isEqualTo("{\"task\":\"t1\"}");

            // Sent after ours were heard, so after ours on the channel: a bus that heard ours (or
            // its own, twice) would have them before these.
            theirs.publish("task.enqueued", "org-b", "{\"task\":\"t2\"}");
            strangersPeer.publish("task.enqueued", "org-c", "{\"task\":\"t3\"}");
            List<String> seen = List.of(take(ours), take(ours), take(ours));
            assertThat(seen).containsExactly("task.claimed org-a", "task.succeeded org-a", "task.enqueued org-b");
            assertThat(take(strange)).isEqualTo("task.enqueued org-c");
        } finally {
            mine.close();
            db.execute("Dropping the second installation's schema", "DROP SCHEMA other_installation CASCADE");
        }
    }

    private static String take(BlockingQueue<Event> events) throws InterruptedException {
        Event e = events.poll(10, TimeUnit.SECONDS);
        return e.type() + " " + e.organization();
    }
}
