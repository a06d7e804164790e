package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.MigrationListener;
import dev.flowbase.migrate.MigrationLocation;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.MigratorBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every {@code migrate} subcommand shares: which set, which history table, how long to wait. */
final class MigrateOptions {
    @Option(
            names = "--location",
            paramLabel = "DIR",
            description = "Folder of your own migrations (its subfolder named for the engine when present);"
                    + " default: Flowbase's own schema.")
    Path location;

    @Option(
            names = "--table",
            paramLabel = "NAME",
            description = "History table (default: " + Migrator.DEFAULT_TABLE + "); give your own set its own.")
    String table;

    @Option(
            names = "--lock-timeout",
            paramLabel = "SECONDS",
            description = "How long to wait for another runner's lock (default: 600).")
    Long lockTimeoutSeconds;

    @Option(names = "--out-of-order", description = "Allow versions below the highest applied one.")
    boolean outOfOrder;

    @Option(
            names = "--placeholder",
            paramLabel = "NAME=VALUE",
            description = "A value for $${NAME} in the scripts; repeat for more (also FLOWBASE_PLACEHOLDER_NAME,"
                    + " migrate.placeholders.NAME in flowbase.yml).")
    Map<String, String> placeholders = new LinkedHashMap<>();

    Migrator migrator(Database db, MigrationListener listener, Map<String, String> placeholderValues) {
        if (location != null && table == null) {
            // Flowbase's own history already holds a V1; a user's set shares nothing with it.
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "--location " + location + " needs --table NAME: give your own migrations their own history table"
                            + " (Flowbase's own is " + Migrator.DEFAULT_TABLE + ")");
        }
        MigratorBuilder b = Migrator.configure()
                .database(db)
                .outOfOrder(outOfOrder)
                .listener(listener)
                .placeholders(placeholderValues);
        if (location != null) {
            b.location(MigrationLocation.directory(location));
        }
        if (table != null) {
            b.table(table);
        }
        if (lockTimeoutSeconds != null) {
            b.lockTimeout(Duration.ofSeconds(lockTimeoutSeconds));
        }
        return b.load();
    }
}
