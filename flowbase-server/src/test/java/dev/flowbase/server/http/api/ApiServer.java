package dev.flowbase.server.http.api;

import dev.flowbase.cache.Shared;
import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.Settings;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.server.http.FlowbaseServer;
import dev.flowbase.store.AccessRole;
import dev.flowbase.store.Organization;
import dev.flowbase.store.OrganizationStore;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.TestDatabase;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A real server on port 0 over a migrated test database, with the installation's organization
 * holding a key of each access role, and a second organization with an admin key (to prove one
 * cannot see the other, nor change what belongs to the installation).
 */
final class ApiServer implements AutoCloseable {
    /** The master key sealing sensitive configurations; no answer may ever contain it. */
    static final String MASTER_KEY = "KUzjP75rAIg+h22sy9ecVbWc+m+VKZaAj0huS2FxSXA=";

    final TestDatabase test;
    final Database db;
    final FlowbaseServer server;
    final Organization org;
    final Organization otherOrg;
    final ApiClient admin;
    final ApiClient operator;
    final ApiClient viewer;
    final ApiClient anonymous;
    final ApiClient otherAdmin;

    private ApiServer(TestDatabase test, Database db, Map<String, String> env, Shared shared) {
        this.test = test;
        this.db = db;
        Migrator.configure().database(db).load().migrate();
        Stores stores = Stores.create(db);
        // The installation's own organization, as `flowbase init` makes it: its keys are the installation's.
        this.org = stores.organizations()
                .installation()
                .orElseGet(() -> stores.organizations().create("Acme", OrganizationStore.INSTALLATION_SLUG));
        this.otherOrg = stores.organizations().create("Other", "other-" + System.nanoTime());
        Map<String, String> all = new HashMap<>(Map.of("FLOWBASE_PORT", "0", "FLOWBASE_RATE_LIMIT", "0"));
        all.put("FLOWBASE_MASTER_KEY", MASTER_KEY);
        all.putAll(env);
        FlowbaseConfig config = new ConfigLoader()
                .environment(all)
                .flag(Settings.DATABASE_URL, test.url())
                .load();
        this.server = shared == null ? FlowbaseServer.start(config, db) : FlowbaseServer.start(config, db, shared);
        String base = "http://127.0.0.1:" + server.port();
        this.admin = new ApiClient(base, key(stores, org, AccessRole.ADMIN));
        this.operator = new ApiClient(base, key(stores, org, AccessRole.OPERATOR));
        this.viewer = new ApiClient(base, key(stores, org, AccessRole.VIEWER));
        this.anonymous = new ApiClient(base, null);
        this.otherAdmin = new ApiClient(base, key(stores, otherOrg, AccessRole.ADMIN));
    }

    static ApiServer start(TestDatabase test, Database db) {
        return new ApiServer(test, db, Map.of(), null);
    }

    /** With settings (environment variables) of the test's own, such as a low rate limit. */
    static ApiServer start(TestDatabase test, Database db, Map<String, String> env) {
        return new ApiServer(test, db, env, null);
    }

    /** With the cache, limits and events given, such as a Redis under a key prefix of the test's own. */
    static ApiServer start(TestDatabase test, Database db, Map<String, String> env, Shared shared) {
        return new ApiServer(test, db, env, shared);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String key(Stores stores, Organization org, AccessRole role) {
        return stores.apiKeys()
                .create(org.id(), role.name().toLowerCase(Locale.ROOT), role, null)
                .secret();
    }

    /** A client with a new key of {@code role} in {@code organization}. */
    ApiClient client(Organization organization, AccessRole role) {
        return new ApiClient(base(), key(Stores.create(db), organization, role));
    }

    ApiClient as(AccessRole role) {
        return switch (role) {
            case ADMIN -> admin;
            case OPERATOR -> operator;
            case VIEWER -> viewer;
        };
    }

    @Override
    public void close() {
        server.close();
    }
}
