package dev.flowbase.server.cli;

import dev.flowbase.migrate.BaselineResult;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "baseline", description = "Mark an existing database as being at version V without running scripts.")
final class MigrateBaselineCommand extends MigrateSubcommand {
    @Option(names = "--version", paramLabel = "V", required = true, description = "The version the database is at.")
    String version;

    @Override
    int run(Migrator migrator) {
        BaselineResult r = migrator.baseline(Version.parse(version));
        if (json()) {
            Output.json(out(), r);
        } else {
            out().println("Baselined " + r.table() + " at version " + r.version() + ".");
        }
        return 0;
    }
}
