package dev.flowbase.server.cli;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.db.Dialects;
import dev.flowbase.migrate.MigrationListener;
import dev.flowbase.migrate.Migrator;
import picocli.CommandLine.Mixin;

/** A {@code migrate} subcommand that works on the configured database, opened for the command and closed after. */
abstract class MigrateSubcommand extends BaseCommand {
    @Mixin
    MigrateOptions options;

    /** The command's configuration and database, for the subcommands that need more than the migrator. */
    FlowbaseConfig config;

    Database database;

    @Override
    public final Integer call() {
        ConfigLoader loader = root().configLoader();
        options.placeholders.forEach(loader::placeholder);
        config = loader.load();
        var target = config.database();
        var dialect = Dialects.forEngine(target.engine());
        if (readsOnly() && dialect.storageMissing(target)) {
            target = dialect.emptyStandIn(target); // opening the real one would create it
        }
        try (Database db = Database.openForOneCommand(target)) {
            database = db;
            return run(options.migrator(db, listener(), config.placeholders()));
        }
    }

    /** Whether this run only reads (a dry run, status): it must not create a database that is not there. */
    boolean readsOnly() {
        return false;
    }

    /** What hears about each script as it runs; progress for the commands that run scripts. */
    MigrationListener listener() {
        return MigrationListener.NONE;
    }

    /** Runs the operation and prints its result; returns the exit status. */
    abstract int run(Migrator migrator);
}
