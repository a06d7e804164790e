package dev.flowbase.server.cli;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.CleanResult;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.seed.InstalledEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "clean",
        description = "Drop the history table, then every table, view, sequence, routine and type of the database"
                + " (PostgreSQL: of the current schema). Needs --confirm; refused in production.")
final class MigrateCleanCommand extends MigrateSubcommand {
    @Option(names = "--confirm", description = "Really drop everything.")
    boolean confirm;

    @Override
    int run(Migrator migrator) {
        InstalledEnvironment.refuseInProduction(
                database, config.environment(), "migrate clean (which drops every object of the database)");
        if (!confirm) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    "migrate clean drops every table, view, sequence, routine and type of "
                            + config.database().describeTarget() + ", Flowbase's own included; run it again with"
                            + " --confirm");
        }
        CleanResult r = migrator.clean();
        if (json()) {
            Output.json(out(), r);
        } else {
            r.dropped().forEach(d -> out().println("  dropped " + d));
            out().println("Dropped " + r.dropped().size() + " object(s), the history table " + r.table() + " first.");
        }
        return 0;
    }
}
