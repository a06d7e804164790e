package dev.flowbase.backup;

import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.db.StatementLimit;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.BuildInfo;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an archive of a database: one snapshot (the engine's {@link BackupSql#beginSnapshot}), every
 * Flowbase table streamed in foreign-key order. The file is written beside its name with a
 * {@code .partial} suffix, synced, and renamed only when complete, so that no half-written file ever
 * stands under the name as if it were a backup.
 */
final class BackupWriter {
    private final Database db;
    private final InstantSource clock;
    private final BackupProgress progress;

    BackupWriter(Database db, InstantSource clock, BackupProgress progress) {
        this.db = db;
        this.clock = clock;
        this.progress = progress;
    }

    Manifest write(Path out, BackupOptions options) {
        return write(out, options, null);
    }

    /** With {@code selections}, only those rows of those tables (in that order); null for every table whole. */
    Manifest write(Path out, BackupOptions options, List<RowSelection> selections) {
        if (Files.isDirectory(out)) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT, "--out " + out + " is a directory: name the archive file to write");
        }
        if (Files.exists(out)) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT, "--out " + out + " exists: choose another name or remove it first");
        }
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        SourceSchema schema = SourceSchema.of(db);
        BackupSql sql = BackupSql.forEngine(db.engine());
        try (FileChannel channel = FileChannel.open(
                partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            Manifest manifest;
            try (OutputStream raw = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
                        @Override
                        public void close() throws IOException {
                            flush(); // the channel is closed by its own try, after the sync
                        }
                    };
                    Connection c = db.connection()) {
                manifest = writeTo(raw, c, sql, schema, options, selections);
            }
            channel.force(true);
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException e) {
            throw new FlowbaseException(ErrorCode.INVALID_ARGUMENT, "cannot write " + out + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw SqlErrors.statement(db.dialect(), "Reading the database for a backup", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: the .partial name already says it is not a backup
            }
        }
    }

    private Manifest writeTo(
            OutputStream raw,
            Connection c,
            BackupSql sql,
            SourceSchema schema,
            BackupOptions options,
            List<RowSelection> selections)
            throws IOException, SQLException {
        StatementLimit limit = db.dialect().liftStatementLimit(c);
        boolean autoCommit = c.getAutoCommit();
        try {
            sql.beginSnapshot(c);
            Map<String, TableSpec> specs = new LinkedHashMap<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, RowSelection> chosen = new LinkedHashMap<>();
            if (selections != null) {
                selections.forEach(r -> chosen.put(r.table(), r));
            }
            long total = 0;
            List<String> candidates = schema.candidates(options.all() && selections == null);
            List<String> included =
                    selections != null
                            ? List.copyOf(chosen.keySet())
                            : options.tables().isEmpty()
                                    ? candidates
                                    : candidates.stream()
                                            .filter(TableOrder.withParents(
                                                    schema.catalog(), candidates, options.tables())::contains)
                                            .toList();
            Map<String, TableSpec> users = UserTables.specs(
                    c,
                    sql,
                    schema,
                    included.stream().filter(schema.userTables()::contains).toList());
            for (String table : included) {
                if (!schema.tables().contains(table) && !users.containsKey(table)) {
                    throw new IllegalArgumentException(table + " is not one of Flowbase's tables");
                }
                TableSpec spec = users.get(table);
                if (spec == null) {
                    List<Column> columns = new ArrayList<>();
                    sql.columnKinds(c, table).forEach((name, kind) -> columns.add(new Column(name, kind)));
                    // Selected rows are not restored into their table's tree: they need no parents-first order.
                    spec = new TableSpec(table, columns, selections == null ? schema.selfReference(table) : null);
                }
                specs.put(table, spec);
                long n = count(c, table, chosen.get(table));
                counts.put(table, n);
                total += n;
            }
            Source source = new Source(db.engine().id(), db.facts().version());
            String id = UUID.randomUUID().toString();
            var now = clock.instant();
            ArchiveHeader header = new ArchiveHeader(
                    ArchiveFile.FORMAT,
                    id,
                    now,
                    BuildInfo.version(),
                    source,
                    schema.version().toString(),
                    options.compression().id(),
                    options.key() == null
                            ? null
                            : new Sealing(ArchiveCipher.SCHEME, options.key().id()));
            List<Manifest.Table> tables = new ArrayList<>();
            try (OutputStream body = ArchiveFile.create(raw, header, options.key())) {
                Frames.Writer frames = new Frames.Writer(body);
                frames.write(Frames.TABLES, ArchiveJson.write(List.copyOf(specs.values())));
                progress.phase("backup", total);
                long[] done = {0};
                long bytesBefore = 0;
                for (TableSpec spec : specs.values()) {
                    ChunkWriter chunks = new ChunkWriter(frames, spec);
                    TableHash hash = new TableHash(spec.columns());
                    long bytesSoFar = bytesBefore;
                    TableScan.RowSink sink = row -> {
                        chunks.row(row);
                        hash.add(row);
                        if (++done[0] % 10_000 == 0) {
                            progress.advanced(spec.name(), done[0], bytesSoFar + chunks.bytes());
                        }
                    };
                    RowSelection selection = chosen.get(spec.name());
                    if (selection == null) {
                        TableScan.scan(c, sql, db.dialect(), spec, schema.primaryKey(spec.name()), sink);
                    } else {
                        TableScan.scan(c, sql, db.dialect(), spec, selection, sink);
                    }
                    if (hash.rows() != counts.get(spec.name())) {
                        throw new FlowbaseException(
                                ErrorCode.VALIDATION_FAILED,
                                spec.name() + ": counted " + counts.get(spec.name()) + " rows but read " + hash.rows()
                                        + (spec.selfReference() != null
                                                ? " (rows whose " + spec.selfReference()
                                                        + " chain never ends form a cycle)"
                                                : ""));
                    }
                    tables.add(new Manifest.Table(
                            spec.name(),
                            spec.columns(),
                            spec.selfReference(),
                            hash.rows(),
                            hash.hex(),
                            chunks.finish(),
                            spec.user()));
                    bytesBefore += chunks.bytes();
                    progress.advanced(spec.name(), done[0], bytesBefore);
                }
                Manifest manifest = new Manifest(
                        ArchiveFile.FORMAT,
                        id,
                        now,
                        BuildInfo.version(),
                        source,
                        schema.version().toString(),
                        tables);
                byte[] bytes = ArchiveJson.write(manifest);
                frames.write(Frames.MANIFEST, bytes);
                frames.write(Frames.MANIFEST_SHA, sha256(bytes));
                frames.write(Frames.END, new byte[0]);
                progress.finished();
                return manifest;
            }
        } finally {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            c.setAutoCommit(autoCommit);
            limit.restore();
        }
    }

    private long count(Connection c, String table, RowSelection selection) throws SQLException {
        String from = "SELECT COUNT(*) FROM " + db.dialect().quoteIdentifier(table);
        if (selection == null) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(from)) {
                rs.next();
                return rs.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement(from + " WHERE " + selection.where())) {
            selection.bind(s, db.dialect());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The manifest's SHA-256 as 64 hex digits (ASCII), the payload of the {@code S} frame. */
    static byte[] sha256(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
