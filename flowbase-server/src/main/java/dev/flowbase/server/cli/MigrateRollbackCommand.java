package dev.flowbase.server.cli;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.MigrationListener;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.RollbackResult;
import dev.flowbase.migrate.Run;
import dev.flowbase.migrate.Version;
import dev.flowbase.seed.InstalledEnvironment;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rollback", description = "Run undo files (U<version>__…) in reverse order.")
final class MigrateRollbackCommand extends MigrateSubcommand {
    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--to", paramLabel = "V", description = "Undo every version above V (0 undoes all).")
        String to;

        @Option(names = "--steps", paramLabel = "N", description = "Undo the last N applied versions.")
        Integer steps;
    }

    @Option(names = "--dry-run", description = "Print the SQL that would run; change nothing, take no lock.")
    boolean dryRun;

    @Option(names = "--confirm", description = "Yes: undo in production too (required there).")
    boolean confirm;

    @Override
    boolean readsOnly() {
        return dryRun;
    }

    @Override
    MigrationListener listener() {
        return progress("Undone", dryRun);
    }

    @Override
    int run(Migrator migrator) {
        if (!dryRun && !confirm && InstalledEnvironment.isProduction(database, config.environment())) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    "rollback undoes migrations of a production database (by its own record or the configured"
                            + " environment): preview it with --dry-run, then run it again with --confirm");
        }
        RollbackResult r = target.steps != null
                ? migrator.rollbackSteps(target.steps, dryRun ? Run.DRY_RUN : Run.APPLY)
                : migrator.rollbackTo(Version.parse(target.to), dryRun ? Run.DRY_RUN : Run.APPLY);
        if (json()) {
            Output.json(out(), r);
        } else if (dryRun) {
            MigrateOutput.sql(out(), r.undone());
        } else if (r.undone().isEmpty()) {
            out().println("Nothing to roll back.");
        } else {
            MigrateOutput.scripts(out(), r.undone());
            out().println("Rolled back " + r.undone().size() + " version(s) in " + r.totalMs() + " ms.");
        }
        return 0;
    }
}
