package dev.flowbase.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The manifest written beside a native dump, as {@code FILE.manifest.json}: the same facts as a
 * portable archive's manifest (source engine and server version, schema version, tables and their row
 * counts), and instead of chunks of rows the dump's size, its SHA-256 and the SHA-256 of each MiB of
 * it, so that a changed byte is found and placed and a shortened file named.
 */
public record NativeManifest(
        int format,
        String archiveId,
        Instant createdAt,
        String flowbaseVersion,
        Source source,
        String schemaVersion,
        Dump dump,
        List<Table> tables) {
    /** The name ending of the manifest beside a native dump. */
    public static final String SUFFIX = ".manifest.json";

    public NativeManifest {
        tables = List.copyOf(tables);
    }

    /** The dump: its format and tool, its file's name (beside the manifest), size and checksums. */
    public record Dump(
            String format,
            String tool,
            String toolVersion,
            String file,
            long bytes,
            String sha256,
            int chunkBytes,
            List<String> chunks) {
        public Dump {
            chunks = List.copyOf(chunks);
        }
    }

    public record Table(String name, long rows) {}

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    /** The manifest of the dump at {@code dump}. */
    public static Path beside(Path dump) {
        return dump.resolveSibling(dump.getFileName() + SUFFIX);
    }

    /** The same facts as a portable manifest (no columns, hashes or chunks), for reports shared by both kinds. */
    public Manifest asManifest() {
        return new Manifest(
                format,
                archiveId,
                createdAt,
                flowbaseVersion,
                source,
                schemaVersion,
                tables.stream()
                        .map(t -> new Manifest.Table(t.name(), List.of(), null, t.rows(), null, List.of()))
                        .toList());
    }
}
