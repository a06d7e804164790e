package dev.flowbase.server.web;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.Settings;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.MigrateRequest;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.Version;
import dev.flowbase.seed.Seeder;
import dev.flowbase.server.http.FlowbaseServer;
import dev.flowbase.store.AccessRole;
import dev.flowbase.store.Organization;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.TestDatabase;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * A real server for the browser: migrated (to a version of the test's choosing) and, when current,
 * seeded as a development database (example roles and a workflow), with a key of each role.
 */
final class PageServer implements AutoCloseable {
    final FlowbaseServer server;
    final String base;
    final Organization org;
    final String admin;
    final String operator;
    final String viewer;

    private PageServer(TestDatabase test, Database db, Version upTo, Map<String, String> environment) {
        Migrator.configure().database(db).load().migrate(MigrateRequest.upTo(upTo));
        if (upTo == null) {
            new Seeder(db, Clock.systemUTC()).run("development");
        }
        Stores stores = Stores.create(db);
        // The seeded default organization, whose example roles and workflow the pages show.
        this.org = stores.organizations()
                .findBySlug("default")
                .orElseGet(() -> stores.organizations().create("Default", "default"));
        FlowbaseConfig config = new ConfigLoader()
                .environment(with(environment, Map.of("FLOWBASE_PORT", "0", "FLOWBASE_RATE_LIMIT", "0")))
                .flag(Settings.DATABASE_URL, test.url())
                .load();
        this.server = FlowbaseServer.start(config, db);
        this.base = "http://127.0.0.1:" + server.port();
        this.admin = key(stores, AccessRole.ADMIN);
        this.operator = key(stores, AccessRole.OPERATOR);
        this.viewer = key(stores, AccessRole.VIEWER);
    }

    /** Current and seeded. */
    static PageServer start(TestDatabase test, Database db) {
        return new PageServer(test, db, null, Map.of());
    }

    /** Current and seeded, with settings such as a backup schedule from {@code environment}. */
    static PageServer with(TestDatabase test, Database db, Map<String, String> environment) {
        return new PageServer(test, db, null, environment);
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> both = new java.util.HashMap<>(a);
        both.putAll(b);
        return both;
    }

    /** Migrated up to {@code version} only: the later migrations are pending. */
    static PageServer at(TestDatabase test, Database db, String version) {
        return new PageServer(test, db, Version.parse(version), Map.of());
    }

    private String key(Stores stores, AccessRole role) {
        String name = role.name().toLowerCase(Locale.ROOT);
        return stores.apiKeys().create(org.id(), name, role, null).secret();
    }

    @Override
    public void close() {
        server.close();
    }
}
