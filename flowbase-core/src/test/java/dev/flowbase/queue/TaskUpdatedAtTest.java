package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.testing.EngineTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Since V6 no trigger keeps {@code tasks.updated_at} current (on PostgreSQL a BEFORE trigger locked
 * every row the queue updated): the queue, the only writer of tasks, sets it in every statement.
 * Each change a user can see moves it; the row is first set back to long ago, as a reader would
 * see an old value.
 */
class TaskUpdatedAtTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

    private Stores stores;
    private Queue queue;
    private UUID org;

    private void setUp(Database db) {
        Migrator.configure().database(db).load().migrate();
        stores = Stores.create(db);
        queue = Queue.create(db);
        org = stores.organizations().create("Acme", "acme").id();
    }

    private NewTask task(String name) {
        return NewTask.named(org, name).inQueue("work").withMaxRetries(0);
    }

    /** Sets the task's updated_at back to long ago, runs {@code change}, and returns updated_at after it. */
    private Instant afterChange(Database db, UUID taskId, Consumer<UUID> change) {
        db.withHandle(
                "Ageing a task",
                h -> h.createUpdate("UPDATE tasks SET updated_at = :at WHERE id = :id")
                        .bind("at", LONG_AGO)
                        .bind("id", taskId)
                        .execute());
        change.accept(taskId);
        return stores.tasks().get(taskId).updatedAt();
    }

    @EngineTest
    void everyChangeTheQueueMakesToATaskMovesItsUpdatedAt(Database db) {
        setUp(db);
        Task parent = queue.enqueue(task("parent"));
        Task other = queue.enqueue(task("other"));
        Task child = queue.enqueue(task("child"), List.of(parent.id(), other.id()));
        Lease[] lease = new Lease[1];

        Instant claimed = afterChange(
                db,
                parent.id(),
                id -> lease[0] = queue.claim("work", 1, "w", MINUTE).getFirst());
        Instant beat = afterChange(db, parent.id(), id -> queue.heartbeat(lease[0], MINUTE));
        Instant failed = afterChange(db, parent.id(), id -> queue.fail(lease[0], "boom"));
        Instant requeued = afterChange(db, parent.id(), id -> queue.requeue(id));
        Instant done = afterChange(
                db,
                parent.id(),
                id -> queue.complete(
                        queue.claim("work", 10, "w", MINUTE).stream()
                                .filter(l -> l.taskId().equals(id))
                                .findFirst()
                                .orElseThrow(),
                        TaskOutcome.NONE));
        Instant parentCounted = stores.tasks().get(child.id()).updatedAt();

        assertThat(List.of(claimed, beat, failed, requeued, done, parentCounted))
                .allSatisfy(at -> assertThat(at).isAfter(LONG_AGO.plusSeconds(86_400)));
    }
}
