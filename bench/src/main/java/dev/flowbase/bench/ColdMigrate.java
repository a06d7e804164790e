package dev.flowbase.bench;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.MigrationLocation;
import dev.flowbase.migrate.Migrator;
import java.nio.file.Path;

/**
 * {@code flowbase migrate up} as a fresh JVM does it (start-up, class loading, no JIT warm-up):
 * the fair opponent of a command-line client, which also starts cold. Arguments: URL, folder.
 */
public final class ColdMigrate {
    private ColdMigrate() {}

    public static void main(String[] args) {
        try (Database db = Database.open(DatabaseConfig.fromUrl(args[0]))) {
            int applied = Migrator.configure()
                    .database(db)
                    .location(MigrationLocation.directory(Path.of(args[1])))
                    .table("bench_history")
                    .load()
                    .migrate()
                    .executed()
                    .size();
            System.out.println(applied);
        }
    }
}
