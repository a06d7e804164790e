package dev.flowbase.server.cli;

import dev.flowbase.error.ErrorCode;
import picocli.CommandLine.Command;

/** {@code flowbase backup …}: the parent of the backup subcommands; alone it prints their usage. */
@Command(
        name = "backup",
        description = "Portable backups: create, verify, list and restore archives (any engine into any engine).",
        subcommands = {
            BackupCreateCommand.class,
            BackupVerifyCommand.class,
            BackupListCommand.class,
            BackupHistoryCommand.class,
            BackupRestoreCommand.class,
            BackupKeyCommand.class
        })
final class BackupCommand extends BaseCommand {

    @Override
    public Integer call() {
        spec.commandLine().usage(root().cli.err());
        return ErrorCode.INVALID_ARGUMENT.exitCode();
    }
}
