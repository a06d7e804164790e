package dev.flowbase.server.cli;

import dev.flowbase.error.ErrorCode;
import picocli.CommandLine.Command;

/** {@code flowbase migrate …}: the parent of the migration subcommands; alone it prints their usage. */
@Command(
        name = "migrate",
        description = "Apply, inspect, validate, repair and roll back schema migrations.",
        subcommands = {
            MigrateUpCommand.class,
            MigrateStatusCommand.class,
            MigrateValidateCommand.class,
            MigrateRepairCommand.class,
            MigrateRollbackCommand.class,
            MigrateBaselineCommand.class,
            MigrateCreateCommand.class,
            MigrateAdoptFlywayCommand.class,
            MigrateCleanCommand.class
        })
final class MigrateCommand extends BaseCommand {

    @Override
    public Integer call() {
        spec.commandLine().usage(root().cli.err());
        return ErrorCode.INVALID_ARGUMENT.exitCode();
    }
}
