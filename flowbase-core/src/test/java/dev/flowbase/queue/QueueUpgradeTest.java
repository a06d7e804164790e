package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.MigrateRequest;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.Run;
import dev.flowbase.migrate.Version;
import dev.flowbase.store.Stores;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.testing.EngineTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A queue written by version 1 of the schema carries across migration V2: its ready tasks are
 * claimable, a lease taken under version 1 is reaped, children wait for the parents that had not
 * succeeded, and the undo of V2 leaves the tasks where they were.
 */
class QueueUpgradeTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final UUID ORG = UUID.fromString("0190c0de-0000-7000-8000-000000000001");

    @EngineTest
    void aVersionOneQueueIsClaimableReapableAndReleasesItsChildrenAfterV2(Database db) {
        Migrator migrator = Migrator.configure().database(db).load();
        migrator.migrate(MigrateRequest.upTo(Version.parse("1")));
        UUID ready = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        UUID waitsForReady = UUID.randomUUID();
        UUID waitedInVain = UUID.randomUUID();
        db.withHandle("Writing a version 1 queue", h -> {
            h.createUpdate("INSERT INTO organizations (id, name, slug) VALUES (:id, 'Acme', 'acme')")
                    .bind("id", ORG)
                    .execute();
            task(h, ready, "ready", "ready", null);
            task(h, running, "running", "running", "old-worker");
            task(h, done, "done", "succeeded", null);
            task(h, waitsForReady, "waits-for-ready", "pending", null);
            task(h, waitedInVain, "waited-in-vain", "pending", null);
            edge(h, waitsForReady, ready);
            edge(h, waitsForReady, done);
            edge(h, waitedInVain, done);
            return null;
        });

        migrator.migrate();

        Queue queue = Queue.create(db);
        List<Lease> first = queue.claim("old", 10, "new-worker", MINUTE);
        assertThat(first).extracting(l -> l.task().name()).containsExactlyInAnyOrder("ready", "waited-in-vain");
        assertThat(queue.reap()).as("the version 1 lease had expired").isEqualTo(1);
        List<Lease> second = queue.claim("old", 10, "new-worker", MINUTE);
        assertThat(second).extracting(l -> l.task().name()).containsExactly("running");
        assertThat(second.get(0).attempt()).isEqualTo(2);

        queue.completeAll(first);
        assertThat(queue.claim("old", 10, "new-worker", MINUTE))
                .extracting(l -> l.task().name())
                .containsExactly("waits-for-ready");
        queue.complete(second.get(0), TaskOutcome.NONE);

        migrator.rollbackTo(Version.parse("1"), Run.APPLY);
        Stores stores = Stores.create(db);
        String afterUndo = db.withHandle(
                "Reading a status after the undo",
                h -> h.createQuery("SELECT status FROM tasks WHERE id = :id")
                        .bind("id", running)
                        .mapTo(String.class)
                        .one());
        assertThat(afterUndo).isEqualTo("succeeded");
        migrator.migrate();
        assertThat(stores.tasks().get(waitsForReady).status()).isEqualTo(TaskStatus.RUNNING);
    }

    private static void task(Handle h, UUID id, String name, String status, String owner) {
        h.createUpdate("INSERT INTO tasks (id, organization_id, name, status, queue_name, attempt, lease_owner,"
                        + " lease_expires_at, started_at) VALUES (:id, :org, :name, :status, 'old', :attempt, :owner,"
                        + " :expires, :started)")
                .bind("id", id)
                .bind("org", ORG)
                .bind("name", name)
                .bind("status", status)
                .bind("attempt", owner == null ? 0 : 1)
                .bind("owner", owner)
                .bindByType("expires", owner == null ? null : Instant.now().minus(Duration.ofHours(1)), Instant.class)
                .bindByType("started", owner == null ? null : Instant.now().minus(Duration.ofHours(2)), Instant.class)
                .execute();
    }

    private static void edge(Handle h, UUID child, UUID parent) {
        h.createUpdate("INSERT INTO task_dependencies (id, task_id, depends_on_task_id) VALUES (:id, :child, :parent)")
                .bind("id", UUID.randomUUID())
                .bind("child", child)
                .bind("parent", parent)
                .execute();
    }
}
