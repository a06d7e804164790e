package dev.flowbase.server.cli;

import dev.flowbase.backup.BackupOptions;
import dev.flowbase.backup.Compression;
import dev.flowbase.backup.Manifest;
import dev.flowbase.db.Database;
import dev.flowbase.gdpr.OrganizationExport;
import dev.flowbase.gdpr.OrganizationTarget;
import dev.flowbase.store.Actor;
import dev.flowbase.store.Organization;
import dev.flowbase.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowbase org export ORG}: every row of one organization, as a backup archive (docs/security.md#gdpr). */
@Command(
        name = "export",
        description = "Write every row of one organization to a backup archive (GDPR access and portability).")
final class OrgExportCommand extends BaseCommand {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "ORG", description = "The organization's slug (see `flowbase org list`).")
    String slug;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Archive to write (default: ./org-<slug>-<UTC time>.fbk); must not exist.")
    Path out;

    @Option(
            names = "--compress",
            paramLabel = "gzip|zstd|none",
            defaultValue = "gzip",
            description = "Compression (default: ${DEFAULT-VALUE}).")
    String compress;

    @Option(names = "--encrypt", description = "Encrypt with AES-256-GCM in segments, with the backup key.")
    boolean encrypt;

    @ArgGroup(exclusive = false)
    BackupKeyOptions key = new BackupKeyOptions();

    @Option(names = "--force", description = "Export the installation's own organization (default) too.")
    boolean force;

    @Override
    public Integer call() {
        var options = new BackupOptions(
                Compression.parse("--compress", compress),
                encrypt ? key.required(root().cli.environment()) : null);
        String actor = "cli:" + System.getProperty("user.name", "unknown");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(config().database())) {
            Stores stores = Stores.create(db).as(Actor.system(actor));
            Organization org = OrganizationTarget.resolve(stores, slug, force, "export");
            Path file = out != null ? out : Path.of("org-" + org.slug() + "-" + STAMP.format(clock.instant()) + ".fbk");
            Manifest m = OrganizationExport.write(stores, org, file, options, BackupProgressBar.of(this));
            if (json()) {
                Map<String, Object> first = new LinkedHashMap<>();
                first.put("organization", org.slug());
                first.put("organizationId", org.id().toString());
                first.put("file", file.toString());
                first.put("compression", options.compression().id());
                first.put("encrypted", options.key() != null);
                Output.json(out(), BackupOutput.describe(first, m));
            } else {
                out().println("Wrote " + file + ": organization " + org.slug() + ", " + BackupOutput.summary(m)
                        + " (check it with `flowbase backup verify " + file + "`).");
            }
        }
        return 0;
    }
}
