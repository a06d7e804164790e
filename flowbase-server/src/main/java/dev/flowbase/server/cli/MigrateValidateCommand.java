package dev.flowbase.server.cli;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.ValidateResult;
import dev.flowbase.util.Printable;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
        name = "validate",
        description =
                "Compare applied migrations with the files: edits, missing files, failures, out-of-order versions.")
final class MigrateValidateCommand extends MigrateSubcommand {

    @Override
    boolean readsOnly() {
        return true;
    }

    @Override
    int run(Migrator migrator) {
        ValidateResult r = options.outOfOrder ? migrator.validateAllowingOutOfOrder() : migrator.validate();
        int status = r.ok() ? 0 : ErrorCode.VALIDATION_FAILED.exitCode();
        if (json()) {
            Output.json(out(), Map.of("ok", r.ok(), "problems", r.problems()));
        } else if (r.ok()) {
            out().println("Valid: the database matches the migration files.");
        } else {
            r.problems().forEach(p -> out().println("- " + Printable.escape(p)));
            root().cli
                    .err()
                    .println("flowbase: validation found " + r.problems().size() + " problem(s)");
        }
        return status;
    }
}
