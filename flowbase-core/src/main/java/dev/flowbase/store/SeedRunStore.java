package dev.flowbase.store;

import java.time.Instant;
import java.util.Optional;

/** The record of seeds applied. */
public final class SeedRunStore {
    private final Tx tx;

    SeedRunStore(Tx tx) {
        this.tx = tx;
    }

    public SeedRun record(String name, String environment, String checksum) {
        return tx.write("Recording seed " + name, h -> {
            Instant now = tx.now();
            var run = new SeedRun(tx.newId(now), name, environment, checksum, now);
            h.createUpdate(Rows.insert(tx, "seed_runs", "id", "name", "environment", "checksum", "applied_at"))
                    .bindMethods(run)
                    .execute();
            return run;
        });
    }

    public Optional<SeedRun> latest(String name, String environment) {
        return tx.read(
                "Reading seed runs",
                h -> h.createQuery("SELECT * FROM seed_runs WHERE name = :name"
                                + " AND environment = :env ORDER BY applied_at DESC, id DESC LIMIT 1")
                        .bind("name", name)
                        .bind("env", environment)
                        .map(tx.rows(SeedRun.class))
                        .findOne());
    }
}
