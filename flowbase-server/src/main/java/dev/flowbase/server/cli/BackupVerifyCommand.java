package dev.flowbase.server.cli;

import dev.flowbase.backup.Backups;
import dev.flowbase.backup.Manifest;
import dev.flowbase.backup.NativeManifest;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "verify",
        description = "Read an archive through and check every chunk, row count and table hash against its manifest.")
final class BackupVerifyCommand extends BaseCommand {
    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "The archive, or a native dump (or its FILE.manifest.json).")
    Path file;

    @ArgGroup(exclusive = false)
    BackupKeyOptions key = new BackupKeyOptions();

    @Override
    public Integer call() {
        if (Backups.isNative(file)) {
            NativeManifest m = Backups.verifyNative(file, BackupProgressBar.of(this));
            Path dump = file.resolveSibling(m.dump().file());
            if (json()) {
                Map<String, Object> doc = BackupOutput.describeNative(dump, m, null);
                doc.put("valid", true);
                Output.json(out(), doc);
            } else {
                out().printf(
                                "%s is valid: %s of %d bytes matches its manifest (SHA-256 %s); %d rows in %d tables"
                                        + " from %s %s at schema version %s, taken %s%n",
                                dump,
                                m.dump().format(),
                                m.dump().bytes(),
                                m.dump().sha256(),
                                m.totalRows(),
                                m.tables().size(),
                                m.source().engine(),
                                m.source().serverVersion(),
                                m.schemaVersion(),
                                m.createdAt());
            }
            return 0;
        }
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
