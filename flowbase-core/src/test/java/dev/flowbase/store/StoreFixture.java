package dev.flowbase.store;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.queue.Lease;
import dev.flowbase.queue.Queue;
import dev.flowbase.security.MasterKey;
import dev.flowbase.security.SecretBox;
import dev.flowbase.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A migrated database with stores on a settable clock, a master key, and one organization. */
final class StoreFixture {
    final Database db;
    final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T09:00:00Z"));
    final SecretBox box = new SecretBox(MasterKey.generate());
    final Stores stores;
    /** The queue over these stores: the one writer of tasks. */
    final Queue queue;

    final UUID org;

    StoreFixture(Database db) {
        this.db = db;
        Migrator.configure().database(db).load().migrate();
        this.stores = Stores.create(db).withClock(clock).withSecretBox(box);
        this.queue = Queue.create(db).withStores(stores);
        this.org = stores.organizations().create("Acme", "acme").id();
    }

    Workflow workflow(String name) {
        return stores.workflows().create(Workflow.New.named(org, name));
    }

    NewTask task(String name) {
        return NewTask.named(org, name);
    }

    /** Claims {@code task}, the one ready task of its queue, as {@code worker-1}. */
    Lease claim(Task task) {
        List<Lease> leases = queue.claim(task.queueName(), 1, "worker-1", Duration.ofMinutes(5));
        if (leases.size() != 1 || !leases.getFirst().taskId().equals(task.id())) {
            throw new AssertionError("expected to claim task " + task.name() + ", claimed " + leases);
        }
        return leases.getFirst();
    }

    /** A count of rows of {@code table}, read around the stores. */
    int count(String table) {
        return db.withHandle(
                "Counting " + table,
                h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Integer.class)
                        .one());
    }
}
