package dev.flowbase.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads an archive from start to end and checks everything as it goes: each chunk against its
 * SHA-256 before a row of it is handed on, each table's rows against the manifest's count and hash,
 * the manifest against its own SHA-256 and against this archive's id. Any mismatch is an
 * {@link ErrorCode#ARCHIVE_INVALID} naming the chunk or field.
 */
final class ArchiveReader implements AutoCloseable {
    interface RowSink {
        void row(TableSpec table, Object[] row) throws IOException;

        default void tableDone(TableSpec table) throws IOException {}
    }

    private final String file;
    private final ArchiveFile.Counting counting;
    private final ArchiveFile.Opened opened;
    private final Frames.Reader frames;
    private final List<TableSpec> tables;
    private boolean hashRows = true;

    private ArchiveReader(String file, ArchiveFile.Counting counting, ArchiveFile.Opened opened, InputStream body)
            throws IOException {
        this.file = file;
        this.counting = counting;
        this.opened = opened;
        this.frames = new Frames.Reader(body);
        Frames.Frame first = frames.next();
        expect(first, Frames.TABLES, "the table list");
        this.tables = ArchiveJson.MAPPER.readValue(first.payload(), new TypeReference<List<TableSpec>>() {});
    }

    /** Opens {@code path}; {@code key} may be null when the archive is not encrypted. */
    static ArchiveReader open(Path path, BackupKey key) {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw new FlowbaseException(ErrorCode.INVALID_ARGUMENT, file + " is a directory, not a backup archive");
        }
        ArchiveFile.Counting counting = null;
        ArchiveFile.Opened opened = null;
        try {
            counting = new ArchiveFile.Counting(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
            opened = ArchiveFile.readHeader(counting, file);
            return new ArchiveReader(file, counting, opened, ArchiveFile.body(counting, opened, key, file));
        } catch (NoSuchFileException e) {
            throw new FlowbaseException(ErrorCode.NOT_FOUND, "no backup archive at " + file);
        } catch (IOException e) {
            closeQuietly(counting);
            throw ArchiveFile.failure(
                    e, opened == null ? null : opened.header(), file, counting == null ? 0 : counting.count());
        } catch (RuntimeException e) {
            closeQuietly(counting);
            throw e;
        }
    }

    /**
     * Counts rows without hashing them: for the passes of a restore, where each chunk is still checked
     * against its SHA-256 and the restored tables are hashed and compared with the manifest at the end.
     */
    ArchiveReader withoutTableHashes() {
        hashRows = false;
        return this;
    }

    private TableHash newHash(TableSpec spec) {
        return hashRows ? new TableHash(spec.columns()) : TableHash.countOnly(spec.columns());
    }

    ArchiveHeader header() {
        return opened.header();
    }

    List<TableSpec> tables() {
        return tables;
    }

    /** Reads every chunk into {@code sink}, then the manifest, and returns the manifest once everything matched. */
    Manifest read(RowSink sink, BackupProgress progress) {
        try {
            return readAll(sink, progress);
        } catch (IOException e) {
            throw ArchiveFile.failure(e, header(), file, counting.count());
        }
    }

    private Manifest readAll(RowSink sink, BackupProgress progress) throws IOException {
        int tableIndex = 0;
        TableHash hash = tables.isEmpty() ? null : newHash(tables.get(0));
        List<Manifest.Chunk> seen = new ArrayList<>();
        long rows = 0;
        long bytes = 0;
        MessageDigest sha = sha256();
        Map<String, String> hashes = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        Frames.Frame frame = frames.next();
        while (frame.type() == Frames.CHUNK) {
            Manifest.Chunk chunk = ArchiveJson.read(frame.payload(), Manifest.Chunk.class, "chunk descriptor");
            while (tableIndex < tables.size() && !tables.get(tableIndex).name().equals(chunk.table())) {
                finishTable(tables.get(tableIndex), hash, hashes, counts, sink);
                tableIndex++;
                hash = tableIndex < tables.size() ? newHash(tables.get(tableIndex)) : null;
            }
            if (tableIndex == tables.size()) {
                throw invalid("chunk " + chunk.seq() + " names table " + chunk.table()
                        + ", which is not in the archive's table list (or comes out of order)");
            }
            TableSpec spec = tables.get(tableIndex);
            Frames.Frame data = frames.next();
            expect(data, Frames.ROWS, "the rows of chunk " + chunk.seq() + " of " + spec.name());
            String actual = HexFormat.of().formatHex(sha.digest(data.payload()));
            if (data.payload().length != chunk.bytes() || !actual.equals(chunk.sha256())) {
                throw invalid("chunk " + chunk.seq() + " of table " + spec.name() + " fails its SHA-256 check: the"
                        + " archive is damaged");
            }
            long inChunk = 0;
            // A parser, not readValues(): a MappingIterator would unwrap the first row's array into its values.
            try (JsonParser lines = Json.MAPPER.getFactory().createParser(data.payload())) {
                while (lines.nextToken() != null) {
                    JsonNode line = Json.MAPPER.readTree(lines);
                    Object[] row = toRow(spec, line, chunk);
                    hash.add(row);
                    sink.row(spec, row);
                    inChunk++;
                }
            }
            if (inChunk != chunk.rows()) {
                throw invalid("chunk " + chunk.seq() + " of table " + spec.name() + " holds " + inChunk
                        + " rows, its descriptor says " + chunk.rows());
            }
            seen.add(chunk);
            rows += inChunk;
            bytes += chunk.bytes();
            progress.advanced(spec.name(), rows, bytes);
            frame = frames.next();
        }
        for (; tableIndex < tables.size(); tableIndex++) {
            finishTable(tables.get(tableIndex), hash, hashes, counts, sink);
            hash = tableIndex + 1 < tables.size() ? newHash(tables.get(tableIndex + 1)) : null;
        }
        expect(frame, Frames.MANIFEST, "the manifest");
        byte[] manifestBytes = frame.payload();
        Frames.Frame digest = frames.next();
        expect(digest, Frames.MANIFEST_SHA, "the manifest's SHA-256");
        if (!new String(digest.payload(), StandardCharsets.US_ASCII)
                .equals(new String(BackupWriter.sha256(manifestBytes), StandardCharsets.US_ASCII))) {
            throw invalid("the manifest fails its SHA-256 check: the archive is damaged");
        }
        expect(frames.next(), Frames.END, "the end mark");
        Manifest manifest = ArchiveJson.read(manifestBytes, Manifest.class, "manifest");
        ManifestCheck.against(manifest, header(), tables, seen, counts, hashes, file);
        return manifest;
    }

    private static void finishTable(
            TableSpec spec, TableHash hash, Map<String, String> hashes, Map<String, Long> counts, RowSink sink)
            throws IOException {
        hashes.put(spec.name(), hash.hex());
        counts.put(spec.name(), hash.rows());
        sink.tableDone(spec);
    }

    private Object[] toRow(TableSpec spec, JsonNode line, Manifest.Chunk chunk) {
        List<Column> columns = spec.columns();
        if (!line.isArray() || line.size() != columns.size()) {
            throw invalid("a row of chunk " + chunk.seq() + " of table " + spec.name() + " does not have "
                    + columns.size() + " values");
        }
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            Column column = columns.get(i);
            row[i] = Values.fromArchive(line.get(i), column.kind(), spec.name(), column.name());
        }
        return row;
    }

    private void expect(Frames.Frame frame, byte type, String what) {
        if (frame.type() != type) {
            throw invalid("expected " + what + " (frame " + (char) type + ") but found frame " + frame.typeName()
                    + ": the archive is damaged");
        }
    }

    private FlowbaseException invalid(String message) {
        return new FlowbaseException(ErrorCode.ARCHIVE_INVALID, file + ": " + message);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing with a better message
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(counting);
    }
}
