package dev.flowbase.server.cli;

import dev.flowbase.backup.Backups;
import dev.flowbase.backup.Manifest;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "verify",
        description = "Read an archive through and check every chunk, row count and table hash against its manifest.")
final class BackupVerifyCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The archive.")
    Path file;

    @ArgGroup(exclusive = false)
    BackupKeyOptions key = new BackupKeyOptions();

    @Override
    public Integer call() {
        Manifest m = Backups.verify(file, key.optional(root().cli.environment()), BackupProgressBar.of(this));
        if (json()) {
            Output.json(out(), BackupOutput.describe(Map.of("file", file.toString(), "valid", true), m));
        } else {
            out().printf(
                            "%s is valid: %s, taken %s by Flowbase %s%n",
                            file, BackupOutput.summary(m), m.createdAt(), m.flowbaseVersion());
        }
        return 0;
    }
}
