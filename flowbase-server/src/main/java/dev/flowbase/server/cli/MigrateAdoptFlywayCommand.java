package dev.flowbase.server.cli;

import dev.flowbase.migrate.AdoptResult;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.util.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "adopt-flyway",
        description = "Take over a database that Flyway migrated: check each applied file against Flyway's"
                + " checksum, then write Flowbase's history for them. Flyway's table is left as it is.")
final class MigrateAdoptFlywayCommand extends MigrateSubcommand {
    @Option(
            names = "--flyway-table",
            paramLabel = "NAME",
            description = "Flyway's history table (default flyway_schema_history).")
    String flywayTable;

    @Override
    int run(Migrator migrator) {
        AdoptResult r = migrator.adoptFlyway(flywayTable);
        if (json()) {
            Output.json(out(), r);
        } else {
            r.adopted().forEach(a -> out().println("  " + a.type() + "  " + Printable.escape(a.script())));
            out().println("Took over " + r.adopted().size() + " migration(s) from " + r.flywayTable() + " into "
                    + r.table() + "; " + r.flywayTable() + " was not changed.");
        }
        return 0;
    }
}
