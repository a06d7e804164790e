package dev.flowbase.seed;

import dev.flowbase.config.Environments;
import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.store.Stores;
import dev.flowbase.util.Sha256;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the seeds of an environment in one transaction, and records each run in {@code seed_runs}. */
public final class Seeder {
    static final List<Seed> SEEDS = List.of(new DefaultsSeed(), new DevelopmentExamplesSeed());

    /** Children before parents, so that no delete is refused by a foreign key. */
    public static final List<String> DATA_TABLES = List.of(
            "task_executions",
            "task_dependencies",
            "task_queue",
            "tasks",
            "workflow_executions",
            "workflow_versions",
            "workflows",
            "agent_role_dependencies",
            "agent_role_versions",
            "agent_roles",
            "page_sessions",
            "api_keys",
            "audit_log",
            "logs",
            "system_metrics",
            "configurations",
            "components",
            "seed_runs",
            "users",
            "organizations");

    private final Database database;
    private final InstantSource clock;

    public Seeder(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    public SeedReport run(String environment) {
        Stores stores = Stores.create(database).withClock(clock);
        return stores.executeTransaction(s -> {
            if (InstalledEnvironment.productionDatabase(s) && !Environments.PRODUCTION.equals(environment)) {
                throw new FlowbaseException(
                        ErrorCode.REFUSED,
                        "Seeding for " + environment + " is refused: the database was initialised for production,"
                                + " and " + environment + " seeds add example rows; pass --environment production");
            }
            InstalledEnvironment.record(s, environment);
            List<SeedReport.Applied> applied = new ArrayList<>();
            for (Seed seed : SEEDS) {
                if (seed.appliesTo(environment)) {
                    Map<String, Integer> before = rowCounts();
                    seed.apply(s);
                    applied.add(new SeedReport.Applied(seed.name(), seed.revision(), added(before, rowCounts())));
                    s.seedRuns().record(seed.name(), environment, Sha256.hex(seed.name() + ":" + seed.revision()));
                }
            }
            return new SeedReport(environment, applied);
        });
    }

    /**
     * Deletes every row of Flowbase's tables, keeping the schema and its migration history, so
     * that {@link #run} starts again from nothing. Refused in production.
     */
    public void clean(String environment) {
        InstalledEnvironment.refuseInProduction(database, environment, "seed clean (which deletes every row)");
        database.inTransaction("Cleaning the seeded data", h -> {
            for (String table : DATA_TABLES) {
                h.execute("DELETE FROM " + database.dialect().quoteIdentifier(table));
            }
            return null;
        });
    }

    /** Rows per table, read inside the seeding transaction (the handle joins it). */
    private Map<String, Integer> rowCounts() {
        return database.withHandle("Counting seeded rows", h -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String table : DATA_TABLES) {
                counts.put(
                        table,
                        h.createQuery("SELECT COUNT(*) FROM "
                                        + database.dialect().quoteIdentifier(table))
                                .mapTo(Integer.class)
                                .one());
            }
            return counts;
        });
    }

    private static Map<String, Integer> added(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> added = new LinkedHashMap<>();
        after.forEach((table, n) -> {
            int diff = n - before.get(table);
            if (diff > 0) {
                added.put(table, diff);
            }
        });
        return added;
    }
}
