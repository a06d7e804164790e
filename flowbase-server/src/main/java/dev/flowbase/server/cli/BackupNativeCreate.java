package dev.flowbase.server.cli;

import dev.flowbase.backup.NativeBackup;
import dev.flowbase.backup.NativeManifest;
import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** {@code backup create --native}: the engine's own tool, the manifest beside its file, audited like any backup. */
final class BackupNativeCreate {
    private final BackupCreateCommand command;

    BackupNativeCreate(BackupCreateCommand command) {
        this.command = command;
    }

    int run(Path out, List<String> refused) {
        if (!refused.isEmpty()) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "--native cannot be combined with " + String.join(", ", refused) + ": the engine's own tool"
                            + " writes every table in its own format; drop --native for a portable archive");
        }
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(command.config().database())) {
            Path file = out != null
                    ? out
                    : BackupCreateCommand.defaultFile(
                            db, clock, NativeBackup.forEngine(db.engine()).suffix());
            long started = System.nanoTime();
            NativeManifest manifest =
                    BackupAudit.runs(db).createNative(db, file, clock, BackupProgressBar.of(command), "cli");
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (command.json()) {
                Output.json(command.out(), BackupOutput.describeNative(file, manifest, millis));
            } else {
                command.out()
                        .printf(
                                "Wrote %s (%s, %s) and its manifest %s: %d rows in %d tables from %s %s at schema"
                                        + " version %s, in %.1f s%n",
                                file,
                                manifest.dump().format(),
                                BackupOutput.human(manifest.dump().bytes()),
                                NativeManifest.beside(file),
                                manifest.totalRows(),
                                manifest.tables().size(),
                                manifest.source().engine(),
                                manifest.source().serverVersion(),
                                manifest.schemaVersion(),
                                millis / 1000.0);
            }
        }
        return 0;
    }
}
