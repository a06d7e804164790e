package dev.flowbase.server.cli;

import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.RepairResult;
import dev.flowbase.util.Printable;
import picocli.CommandLine.Command;

@Command(name = "repair", description = "Remove failed entries and accept deliberate edits of applied files.")
final class MigrateRepairCommand extends MigrateSubcommand {

    @Override
    int run(Migrator migrator) {
        RepairResult r = migrator.repair();
        if (json()) {
            Output.json(out(), r);
        } else if (r.changes().isEmpty()) {
            out().println("Nothing to repair.");
        } else {
            r.changes().forEach(c -> out().println("- " + Printable.escape(c)));
        }
        return 0;
    }
}
