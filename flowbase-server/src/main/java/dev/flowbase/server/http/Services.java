package dev.flowbase.server.http;

import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.Stores;

/** What the route groups work with: one of each per server, shared by every request. */
public record Services(FlowbaseConfig config, Database database, Stores stores, Queue queue) {
    /** A migrator on the server's database, with the configuration's placeholders. */
    public Migrator migrator() {
        return Migrator.configure()
                .database(database)
                .placeholders(config.placeholders())
                .load();
    }
}
