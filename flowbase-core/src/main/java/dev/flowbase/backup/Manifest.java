package dev.flowbase.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The archive's table of contents, written after the last chunk: every table in foreign-key order
 * with its columns, its row count, the hash of its rows in canonical form, and its chunks with their
 * SHA-256. The archive closes with the SHA-256 of this manifest's own bytes.
 */
public record Manifest(
        int format,
        String archiveId,
        Instant createdAt,
        String flowbaseVersion,
        Source source,
        String schemaVersion,
        List<Table> tables) {

    public Manifest {
        tables = List.copyOf(tables);
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    public record Table(
            String name,
            List<Column> columns,
            String selfReference,
            long rows,
            String sha256,
            List<Chunk> chunks,
            @JsonInclude(JsonInclude.Include.NON_NULL) UserTable user) {
        public Table {
            columns = List.copyOf(columns);
            chunks = List.copyOf(chunks);
        }

        public Table(
                String name, List<Column> columns, String selfReference, long rows, String sha256, List<Chunk> chunks) {
            this(name, columns, selfReference, rows, sha256, chunks, null);
        }

        public TableSpec spec() {
            return new TableSpec(name, columns, selfReference, user);
        }
    }

    public record Chunk(String table, int seq, long rows, long bytes, String sha256) {}
}
