package dev.flowbase.backup;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares a manifest with the archive it closes: the same archive, the same tables, the rows as read. */
final class ManifestCheck {
    private ManifestCheck() {}

    static void against(
            Manifest manifest,
            ArchiveHeader header,
            List<TableSpec> tables,
            List<Manifest.Chunk> chunks,
            Map<String, Long> counts,
            Map<String, String> hashes,
            String file) {
        field(file, "archive_id", header.archiveId(), manifest.archiveId(), " (a manifest from another archive)");
        field(file, "format", header.format(), manifest.format(), "");
        field(file, "schema_version", header.schemaVersion(), manifest.schemaVersion(), "");
        field(file, "source", header.source(), manifest.source(), "");
        List<TableSpec> listed =
                manifest.tables().stream().map(Manifest.Table::spec).toList();
        field(file, "tables", tables, listed, "");
        for (Manifest.Table t : manifest.tables()) {
            field(file, "tables." + t.name() + ".rows", counts.get(t.name()), t.rows(), "");
            if (hashes.get(t.name()) != null) {
                field(file, "tables." + t.name() + ".sha256", hashes.get(t.name()), t.sha256(), "");
            }
            List<Manifest.Chunk> read =
                    chunks.stream().filter(c -> c.table().equals(t.name())).toList();
            field(file, "tables." + t.name() + ".chunks", read, t.chunks(), "");
        }
    }

    private static void field(String file, String name, Object read, Object manifest, String hint) {
        if (!Objects.equals(read, manifest)) {
            String shown = String.valueOf(manifest);
            throw new FlowbaseException(
                    ErrorCode.ARCHIVE_INVALID,
                    file + ": the manifest's " + name + " does not match the archive"
                            + (shown.length() <= 80 ? " (manifest " + shown + ", archive " + read + ")" : "") + hint);
        }
    }
}
