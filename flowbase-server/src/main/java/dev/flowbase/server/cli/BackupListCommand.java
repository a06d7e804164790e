package dev.flowbase.server.cli;

import dev.flowbase.backup.ArchiveHeader;
import dev.flowbase.backup.ArchiveListing;
import dev.flowbase.backup.Backups;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.OperationsSettings;
import dev.flowbase.config.Source;
import dev.flowbase.server.backup.BackupSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "list",
        description = "List the archives (*.fbk) in a directory, newest first, from their plain-text headers;"
                + " archives being written show as writing.")
final class BackupListCommand extends BaseCommand {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "Directory (default: backup.directory when configured, else the current one).")
    Path dir;

    @Override
    public Integer call() {
        Path dir = this.dir != null ? this.dir : defaultDirectory();
        List<ArchiveListing> found = Backups.list(dir);
        if (json()) {
            Output.json(out(), found.stream().map(BackupListCommand::describe).toList());
            return 0;
        }
        if (found.isEmpty()) {
            out().println("No archives (*" + Backups.SUFFIX + ") in " + dir);
            return 0;
        }
        List<List<String>> rows = found.stream()
                .map(l -> {
                    ArchiveHeader h = l.header();
                    if (l.writing()) {
                        return List.of(
                                l.file().getFileName().toString(),
                                BackupOutput.human(l.bytes()),
                                l.modified().toString(),
                                "-",
                                "-",
                                "writing");
                    }
                    return h == null
                            ? List.of(
                                    l.file().getFileName().toString(),
                                    BackupOutput.human(l.bytes()),
                                    "-",
                                    "-",
                                    "-",
                                    "unreadable: " + l.problem())
                            : List.of(
                                    l.file().getFileName().toString(),
                                    BackupOutput.human(l.bytes()),
                                    h.createdAt().toString(),
                                    h.source().engine() + " " + h.source().serverVersion(),
                                    h.schemaVersion(),
                                    h.compression()
                                            + (h.encrypted() ? ", encrypted" : "")
                                            + (l.scheduled() ? ", scheduled" : ""));
                })
                .toList();
        Output.table(out(), List.of("FILE", "SIZE", "CREATED", "SOURCE", "SCHEMA", "FORM"), rows);
        return 0;
    }

    /** Where {@code serve}'s schedule writes, when the configuration names it; else here. */
    private Path defaultDirectory() {
        FlowbaseConfig config = config();
        boolean configured = config.entries().stream()
                .anyMatch(e -> e.key().equals(OperationsSettings.BACKUP_DIRECTORY.key())
                        && e.source().kind() != Source.Kind.DEFAULT);
        return configured ? BackupSettings.directory(config) : Path.of(".");
    }

    private static Map<String, Object> describe(ArchiveListing l) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", l.file().toString());
        doc.put("bytes", l.bytes());
        doc.put("modified", l.modified().toString());
        doc.put("state", l.writing() ? "writing" : l.header() == null ? "unreadable" : "complete");
        doc.put("scheduled", l.scheduled());
        if (l.writing()) {
            return doc;
        }
        ArchiveHeader h = l.header();
        if (h == null) {
            doc.put("problem", l.problem());
            return doc;
        }
        doc.put("archiveId", h.archiveId());
        doc.put("createdAt", h.createdAt().toString());
        doc.put("flowbaseVersion", h.flowbaseVersion());
        doc.put("source", h.source());
        doc.put("schemaVersion", h.schemaVersion());
        doc.put("compression", h.compression());
        doc.put("encrypted", h.encrypted());
        return doc;
    }
}
