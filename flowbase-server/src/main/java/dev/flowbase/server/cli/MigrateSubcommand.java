package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.MigrationListener;
import dev.flowbase.migrate.Migrator;
import picocli.CommandLine.Mixin;

/** A {@code migrate} subcommand that works on the configured database, opened for the command and closed after. */
abstract class MigrateSubcommand extends BaseCommand {
    @Mixin
    MigrateOptions options;

    @Override
    public final Integer call() {
        try (Database db = Database.open(config().database())) {
            return run(options.migrator(db, listener()));
        }
    }

    /** What hears about each script as it runs; progress for the commands that run scripts. */
    MigrationListener listener() {
        return MigrationListener.NONE;
    }

    /** Runs the operation and prints its result; returns the exit status. */
    abstract int run(Migrator migrator);
}
