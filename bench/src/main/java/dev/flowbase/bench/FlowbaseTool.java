package dev.flowbase.bench;

import dev.flowbase.migrate.MigrateRequest;
import dev.flowbase.migrate.Grouping;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.MigrationLocation;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.ValidateResult;
import java.nio.file.Path;

/** Flowbase in-process, through its public API, configured the way a user would. */
final class FlowbaseTool implements Tool {
    private final boolean group;

    FlowbaseTool() {
        this(false);
    }

    /** With {@code group}, as {@code migrate up --group}: every pending migration in one transaction. */
    FlowbaseTool(boolean group) {
        this.group = group;
    }

    @Override
    public String name() {
        return group ? "Flowbase --group" : "Flowbase";
    }

    @Override
    public int migrate(BenchDatabase db, Path dir) {
        try (Database database = Database.open(db.flowbaseConfig())) {
            return migrator(database, dir)
                    .migrate(MigrateRequest.all().with(group ? Grouping.ONE_TRANSACTION : Grouping.SCRIPT_BY_SCRIPT))
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
