package dev.flowbase.server.cli;

import dev.flowbase.migrate.Grouping;
import dev.flowbase.migrate.MigrateRequest;
import dev.flowbase.migrate.MigrateResult;
import dev.flowbase.migrate.MigrationListener;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.Run;
import dev.flowbase.migrate.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", description = "Apply pending migrations (versioned in order, then changed repeatable ones).")
final class MigrateUpCommand extends MigrateSubcommand {
    @Option(names = "--target", paramLabel = "V", description = "Stop after this version.")
    String target;

    @Option(names = "--dry-run", description = "Print the SQL that would run; change nothing, take no lock.")
    boolean dryRun;

    @Option(
            names = "--group",
            description = "Apply every pending migration in one transaction: all or none (PostgreSQL, SQLite).")
    boolean group;

    @Override
    boolean readsOnly() {
        return dryRun;
    }

    @Override
    MigrationListener listener() {
        return progress("Applied", dryRun);
    }

    @Override
    int run(Migrator migrator) {
        MigrateResult r = migrator.migrate(MigrateRequest.upTo(target == null ? null : Version.parse(target))
                .with(dryRun ? Run.DRY_RUN : Run.APPLY)
                .with(group ? Grouping.ONE_TRANSACTION : Grouping.SCRIPT_BY_SCRIPT));
        if (json()) {
            Output.json(out(), r);
        } else if (dryRun) {
            MigrateOutput.sql(out(), r.executed());
        } else if (r.upToDate()) {
            out().println("Up to date: " + r.alreadyApplied() + " version(s) already applied, nothing to do.");
        } else {
            MigrateOutput.scripts(out(), r.executed());
            out().println("Applied " + r.executed().size() + " script(s) in " + r.totalMs() + " ms.");
        }
        return 0;
    }
}
