package dev.flowbase.store;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.security.MasterKey;
import dev.flowbase.security.SecretBox;
import dev.flowbase.testing.SettableClock;
import java.time.Instant;
import java.util.UUID;

/** A migrated database with stores on a settable clock, a master key, and one organization. */
final class StoreFixture {
    final Database db;
    final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T09:00:00Z"));
    final SecretBox box = new SecretBox(MasterKey.generate());
    final Stores stores;
    final UUID org;

    StoreFixture(Database db) {
        this.db = db;
        Migrator.configure().database(db).load().migrate();
        this.stores = Stores.create(db).withClock(clock).withSecretBox(box);
        this.org = stores.organizations().create("Acme", "acme").id();
    }

    Workflow workflow(String name) {
        return stores.workflows().create(Workflow.New.named(org, name));
    }

    NewTask task(String name) {
        return NewTask.named(org, name);
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
