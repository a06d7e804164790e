package dev.flowbase.search;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskExecution;
import dev.flowbase.store.Workflow;
import dev.flowbase.testing.SettableClock;
import dev.flowbase.testing.TaskHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A migrated database, stores and search on one settable clock, and two organizations. */
final class SearchFixture {
    final Database db;
    final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T09:00:00Z"));
    final Stores stores;
    final Search search;
    final TaskHistory history;
    final UUID org;
    final UUID other;

    SearchFixture(Database db) {
        this.db = db;
        Migrator.configure().database(db).load().migrate();
        this.stores = Stores.create(db).withClock(clock);
        this.search = Search.on(db, clock);
        this.history = new TaskHistory(db, stores);
        this.org = stores.organizations().create("Acme", "acme").id();
        this.other = stores.organizations().create("Other", "other").id();
    }

    Workflow workflow(UUID organization, String name, String description) {
        return stores.workflows()
                .create(new Workflow.New(organization, name, description, null, null, null, null, null));
    }

    Task task(UUID organization, String name, String description) {
        return history.add(NewTask.named(organization, name).describedAs(description));
    }

    TaskExecution failedAttempt(Task task, String error) {
        return history.attempt(task, 1, Duration.ZERO, ExecutionStatus.FAILED, error);
    }

    UUID log(UUID organization, LogEntry.Level level, String message) {
        stores.logs().append(new LogEntry.New(level, "render", message, null, organization, null, null, null, null));
        return db.withHandle(
                "the last log line",
                h -> h.createQuery("SELECT id FROM logs WHERE message = :m")
                        .bind("m", message)
                        .mapTo(UUID.class)
                        .one());
    }
}
