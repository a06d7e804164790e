package dev.flowbase.server.cli;

import dev.flowbase.backup.BackupOptions;
import dev.flowbase.backup.Backups;
import dev.flowbase.backup.Compression;
import dev.flowbase.backup.Manifest;
import dev.flowbase.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "create",
        description = "Write a consistent, checksummed archive of Flowbase's tables while the server keeps running.")
final class BackupCreateCommand extends BaseCommand {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Archive to write (default: ./flowbase-<engine>-<UTC time>.fbk); must not exist.")
    Path out;

    @Option(names = "--compress", paramLabel = "gzip|zstd|none", description = "Compression (default: gzip).")
    String compress;

    @Option(
            names = "--tables",
            paramLabel = "TABLE",
            split = ",",
            description = "Back up only these Flowbase tables (and the tables they reference, so that the archive"
                    + " restores into an empty database); default: every one.")
    List<String> tables = List.of();

    @Option(names = "--encrypt", description = "Encrypt with AES-256-GCM in segments, with the backup key.")
    boolean encrypt;

    @Option(
            names = "--all",
            description = "Add the user's own tables of the same database, where every column's type maps to one"
                    + " of the archive's kinds (an error names each column that does not).")
    boolean all;

    @Option(
            names = "--native",
            description = "Hand off to the engine's own tool (pg_dump -Fc, mariadb-dump --single-transaction,"
                    + " SQLite's backup API) and write the manifest beside its file as FILE.manifest.json; it"
                    + " restores into the same engine only.")
    boolean nativeFormat;

    @ArgGroup(exclusive = false)
    BackupKeyOptions key = new BackupKeyOptions();

    @Override
    public Integer call() {
        if (nativeFormat) {
            return new BackupNativeCreate(this).run(out, refusedWithNative());
        }
        Compression compression = Compression.parse("--compress", compress == null ? "gzip" : compress);
        var options = new BackupOptions(
                compression,
                encrypt ? key.required(root().cli.environment()) : null,
                Set.copyOf(tables.stream().map(String::strip).toList()),
                all);
        var config = config();
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(config.database())) {
            Path file = out != null ? out : defaultFile(db, clock, Backups.SUFFIX);
            long started = System.nanoTime();
            Manifest manifest =
                    BackupAudit.runs(db).create(db, file, options, clock, BackupProgressBar.of(this), "cli");
            print(file, manifest, options, (System.nanoTime() - started) / 1_000_000);
        }
        return 0;
    }

    static Path defaultFile(Database db, Clock clock, String suffix) {
        return Path.of("flowbase-" + db.engine().id() + "-" + STAMP.format(clock.instant()) + suffix);
    }

    /** The options that mean nothing to the engine's own tool, when given with --native. */
    private List<String> refusedWithNative() {
        List<String> refused = new java.util.ArrayList<>();
        if (!tables.isEmpty()) {
            refused.add("--tables");
        }
        if (encrypt) {
            refused.add("--encrypt");
        }
        if (compress != null) {
            refused.add("--compress");
        }
        if (all) {
            refused.add("--all (a native dump holds every table already)");
        }
        return refused;
    }

    private void print(Path file, Manifest m, BackupOptions options, long millis) {
        long bytes = size(file);
        if (json()) {
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("file", file.toString());
            first.put("bytes", bytes);
            first.put("compression", options.compression().id());
            first.put("encrypted", options.key() != null);
            first.put("millis", millis);
            Output.json(out(), BackupOutput.describe(first, m));
            return;
        }
        out().printf(
                        "Wrote %s: %s, %s, %s%s, in %.1f s%n",
                        file,
                        BackupOutput.summary(m),
                        BackupOutput.human(bytes),
                        options.compression().id(),
                        options.key() != null
                                ? ", encrypted (key id " + options.key().id() + ")"
                                : "",
                        millis / 1000.0);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
