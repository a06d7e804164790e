package dev.flowbase.server.cli;

import dev.flowbase.backup.Backups;
import dev.flowbase.backup.Manifest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("valid", true);
            doc.put("archiveId", m.archiveId());
            doc.put("createdAt", m.createdAt().toString());
            doc.put("flowbaseVersion", m.flowbaseVersion());
            doc.put("source", m.source());
            doc.put("schemaVersion", m.schemaVersion());
            doc.put("rows", m.totalRows());
            doc.put("tables", tables(m));
            Output.json(out(), doc);
        } else {
            out().printf(
                            "%s is valid: %d rows in %d tables from %s %s at schema version %s, taken %s by Flowbase %s%n",
                            file,
                            m.totalRows(),
                            m.tables().size(),
                            m.source().engine(),
                            m.source().serverVersion(),
                            m.schemaVersion(),
                            m.createdAt(),
                            m.flowbaseVersion());
        }
        return 0;
    }

    static List<Map<String, Object>> tables(Manifest m) {
        return m.tables().stream()
                .map(t -> {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("name", t.name());
                    doc.put("rows", t.rows());
                    doc.put("chunks", t.chunks().size());
                    doc.put("sha256", t.sha256());
                    return doc;
                })
                .toList();
    }
}
