package dev.flowbase.server.cli;

import dev.flowbase.backup.Manifest;
import dev.flowbase.backup.NativeManifest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the backup commands say about an archive, in words and in JSON, the same way in each. */
final class BackupOutput {
    private BackupOutput() {}

    /** {@code 32 rows in 19 tables from postgresql 15.20 at schema version 3}. */
    static String summary(Manifest m) {
        return String.format(
                "%d rows in %d tables from %s %s at schema version %s",
                m.totalRows(),
                m.tables().size(),
                m.source().engine(),
                m.source().serverVersion(),
                m.schemaVersion());
    }

    /** The manifest's facts, after the fields a command puts first (its file, its verdict). */
    static Map<String, Object> describe(Map<String, Object> first, Manifest m) {
        Map<String, Object> doc = new LinkedHashMap<>(first);
        doc.put("archiveId", m.archiveId());
        doc.put("createdAt", m.createdAt().toString());
        doc.put("flowbaseVersion", m.flowbaseVersion());
        doc.put("source", m.source());
        doc.put("schemaVersion", m.schemaVersion());
        doc.put("rows", m.totalRows());
        doc.put("tables", tables(m));
        return doc;
    }

    /** What {@code create --native} and {@code verify} say of a native dump and its manifest. */
    static Map<String, Object> describeNative(Path file, NativeManifest m, Long millis) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", file.toString());
        doc.put("manifest", NativeManifest.beside(file).toString());
        doc.put("native", true);
        doc.put("format", m.dump().format());
        doc.put("toolVersion", m.dump().toolVersion());
        doc.put("bytes", m.dump().bytes());
        doc.put("sha256", m.dump().sha256());
        if (millis != null) {
            doc.put("millis", millis);
        }
        doc.put("archiveId", m.archiveId());
        doc.put("createdAt", m.createdAt().toString());
        doc.put("flowbaseVersion", m.flowbaseVersion());
        doc.put("source", m.source());
        doc.put("schemaVersion", m.schemaVersion());
        doc.put("rows", m.totalRows());
        doc.put(
                "tables",
                m.tables().stream()
                        .map(t -> Map.<String, Object>of("name", t.name(), "rows", t.rows()))
                        .toList());
        return doc;
    }

    static String human(long bytes) {
        return bytes < 10_000 ? bytes + " B" : String.format("%.1f MB", bytes / 1e6);
    }

    private static List<Map<String, Object>> tables(Manifest m) {
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
