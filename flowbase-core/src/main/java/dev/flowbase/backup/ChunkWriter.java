package dev.flowbase.backup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flowbase.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes one table's rows as NDJSON chunks of about {@link #CHUNK_BYTES}: for each, a descriptor frame
 * (table, sequence number, rows, bytes, SHA-256 of the rows' bytes) and the rows frame itself.
 */
final class ChunkWriter {
    static final int CHUNK_BYTES = 1 << 20;

    private final Frames.Writer frames;
    private final String table;
    private final List<Column> columns;
    private final MessageDigest sha;
    private final List<Manifest.Chunk> written = new ArrayList<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK_BYTES + (64 << 10));
    private JsonGenerator generator;
    private long rowsInChunk;
    private long bytesTotal;

    ChunkWriter(Frames.Writer frames, TableSpec spec) throws IOException {
        this.frames = frames;
        this.table = spec.name();
        this.columns = spec.columns();
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        startChunk();
    }

    void row(Object[] row) throws IOException {
        generator.writeStartArray();
        for (int i = 0; i < row.length; i++) {
            Values.writeArchive(generator, row[i], columns.get(i).kind());
        }
        generator.writeEndArray();
        generator.writeRaw('\n');
        generator.flush();
        rowsInChunk++;
        if (buffer.size() >= CHUNK_BYTES) {
            flushChunk();
            startChunk();
        }
    }

    /** Writes the last chunk (if it has rows) and returns every chunk written. */
    List<Manifest.Chunk> finish() throws IOException {
        generator.flush();
        if (rowsInChunk > 0) {
            flushChunk();
        }
        return List.copyOf(written);
    }

    long bytes() {
        return bytesTotal + buffer.size();
    }

    private void startChunk() throws IOException {
        buffer.reset();
        rowsInChunk = 0;
        generator = Json.MAPPER.getFactory().createGenerator(buffer, JsonEncoding.UTF8);
        generator.setRootValueSeparator(null);
    }

    private void flushChunk() throws IOException {
        generator.close();
        byte[] rows = buffer.toByteArray();
        Manifest.Chunk chunk = new Manifest.Chunk(
                table, written.size(), rowsInChunk, rows.length, HexFormat.of().formatHex(sha.digest(rows)));
        frames.write(Frames.CHUNK, ArchiveJson.write(chunk));
        frames.write(Frames.ROWS, rows);
        written.add(chunk);
        bytesTotal += rows.length;
    }
}
