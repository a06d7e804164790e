package dev.flowbase.bench;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Grouping;
import dev.flowbase.migrate.MigrateRequest;
import dev.flowbase.migrate.MigrationLocation;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.ValidateResult;
import java.nio.file.Path;

/** Flowbase in-process, through its public API, configured the way a user would. */
final class FlowbaseTool implements Tool {
    private final Grouping grouping;

    FlowbaseTool() {
        this(Grouping.SCRIPT_BY_SCRIPT);
    }

    /** With {@link Grouping#ONE_TRANSACTION}, as {@code migrate up --group}: every pending migration in one transaction. */
    FlowbaseTool(Grouping grouping) {
        this.grouping = grouping;
    }

    @Override
    public String name() {
        return grouping == Grouping.ONE_TRANSACTION ? "Flowbase --group" : "Flowbase";
    }

    @Override
    public int migrate(BenchDatabase db, Path dir) {
        try (Database database = Database.open(db.flowbaseConfig())) {
            return migrator(database, dir)
                    .migrate(MigrateRequest.all().with(grouping))
                    .executed()
                    .size();
        }
    }

    @Override
    public void validate(BenchDatabase db, Path dir) {
        try (Database database = Database.open(db.flowbaseConfig())) {
            ValidateResult r = migrator(database, dir).validate();
            if (!r.ok()) {
                throw new IllegalStateException("Flowbase validate failed: " + r.problems());
            }
        }
    }

    private static Migrator migrator(Database database, Path dir) {
        return Migrator.configure()
                .database(database)
                .location(MigrationLocation.directory(dir))
                .table("bench_history")
                .load();
    }
}
