package dev.flowbase.server.cli;

import dev.flowbase.backup.RestoreOptions;
import dev.flowbase.backup.RestoreReport;
import dev.flowbase.db.Database;
import dev.flowbase.seed.InstalledEnvironment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "restore",
        description = "Restore an archive into the database --url names (any engine), in one transaction, checked"
                + " against the manifest before it commits. A target holding Flowbase data needs --replace.")
final class BackupRestoreCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The archive.")
    Path file;

    @Option(
            names = "--replace",
            description = "Delete the target's Flowbase rows first (in the same transaction). Refused in production.")
    boolean replace;

    @ArgGroup(exclusive = false)
    BackupKeyOptions key = new BackupKeyOptions();

    @Override
    public Integer call() {
        var config = config();
        var options = new RestoreOptions(
                key.optional(root().cli.environment()),
                replace,
                db -> InstalledEnvironment.refuseInProduction(db, config.environment(), "backup restore --replace"));
        RestoreReport report;
        long started = System.nanoTime();
        try (Database db = Database.open(config.database())) {
            report = BackupAudit.runs(db).restore(file, db, options, BackupProgressBar.of(this), "cli");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("target", report.target());
            doc.put("archiveId", report.manifest().archiveId());
            doc.put("source", report.manifest().source());
            doc.put("schemaVersion", report.manifest().schemaVersion());
            doc.put("migratedFrom", report.migratedFrom());
            doc.put("replaced", report.replaced());
            doc.put("rows", report.manifest().totalRows());
            doc.put("tables", report.rows());
            doc.put("millis", millis);
            Output.json(out(), doc);
        } else {
            out().printf(
                            "Restored %s into %s: %d rows in %d tables from %s, schema version %s%s; counts and hashes match"
                                    + " the manifest (%.1f s)%n",
                            file,
                            report.target(),
                            report.manifest().totalRows(),
                            report.rows().size(),
                            report.manifest().source().engine(),
                            report.manifest().schemaVersion(),
                            report.replaced() ? ", replacing the rows it held" : "",
                            millis / 1000.0);
        }
        return 0;
    }
}
