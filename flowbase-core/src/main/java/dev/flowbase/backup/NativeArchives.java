package dev.flowbase.backup;

import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.schema.Catalog;
import dev.flowbase.schema.CatalogReader;
import dev.flowbase.schema.SchemaValidator;
import dev.flowbase.util.BuildInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Native backups: the engine's own tool writes the dump ({@link NativeBackup}), this class writes the
 * manifest beside it, checks the two against each other, and restores a dump into an empty database
 * of the engine it came from, then compares the restored row counts with the manifest.
 */
final class NativeArchives {
    private NativeArchives() {}

    static NativeManifest create(Database db, Path out, InstantSource clock, BackupProgress progress) {
        Path manifestFile = NativeManifest.beside(out);
        for (Path p : List.of(out, manifestFile)) {
            if (Files.isDirectory(p)) {
                throw new FlowbaseException(
                        ErrorCode.INVALID_ARGUMENT, "--out " + p + " is a directory: name the dump file to write");
            }
            if (Files.exists(p)) {
                throw new FlowbaseException(
                        ErrorCode.INVALID_ARGUMENT, "--out " + p + " exists: choose another name or remove it first");
            }
        }
        String schemaVersion = SchemaValidator.flowbase()
                .appliedVersion(db)
                .orElseThrow(() -> new FlowbaseException(
                        ErrorCode.REFUSED,
                        db.config().describeTarget() + " holds no Flowbase schema (no migration applied):"
                                + " nothing to back up"))
                .toString();
        NativeBackup engine = NativeBackup.forEngine(db.engine());
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Path partialManifest = manifestFile.resolveSibling(manifestFile.getFileName() + ".partial");
        try {
            progress.phase("native dump", -1);
            var now = clock.instant();
            NativeBackup.Dumped dumped = engine.dump(db, tables(db), partial);
            NativeChecksums sums = NativeChecksums.of(partial);
            progress.advanced("", 0, sums.bytes());
            List<NativeManifest.Table> tables = dumped.rows().entrySet().stream()
                    .map(e -> new NativeManifest.Table(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparing(NativeManifest.Table::name))
                    .toList();
            NativeManifest manifest = new NativeManifest(
                    ArchiveFile.FORMAT,
                    UUID.randomUUID().toString(),
                    now,
                    BuildInfo.version(),
                    new Source(db.engine().id(), db.facts().version()),
                    schemaVersion,
                    new NativeManifest.Dump(
                            engine.format(),
                            engine.format().split(" ")[0],
                            dumped.toolVersion(),
                            out.getFileName().toString(),
                            sums.bytes(),
                            sums.sha256(),
                            NativeChecksums.CHUNK,
                            sums.chunks()),
                    tables);
            Files.write(partialManifest, ArchiveJson.write(manifest));
            // The dump first, its manifest last: a dump without a manifest beside it is not taken for a backup.
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
            Files.move(partialManifest, manifestFile, StandardCopyOption.ATOMIC_MOVE);
            progress.finished();
            return manifest;
        } catch (IOException e) {
            throw new FlowbaseException(ErrorCode.INVALID_ARGUMENT, "cannot write " + out + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw SqlErrors.statement(db.dialect(), "Taking a native backup", e);
        } finally {
            NativeTool.deleteQuietly(partial);
            NativeTool.deleteQuietly(partialManifest);
        }
    }

    /** Every table of the database but the engine's own index tables, parents first. */
    private static List<String> tables(Database db) throws SQLException {
        Catalog catalog = CatalogReader.read(db);
        Set<String> derived;
        try (Connection c = db.connection()) {
            derived = BackupSql.forEngine(db.engine()).derivedTables(c);
        }
        return TableOrder.parentsFirst(
                catalog,
                catalog.tables().keySet().stream()
                        .filter(t -> !derived.contains(t))
                        .toList());
    }

    /** Whether {@code file} is a native dump (a manifest beside it) or such a manifest. */
    static boolean isNative(Path file) {
        return file.getFileName().toString().endsWith(NativeManifest.SUFFIX)
                || Files.isRegularFile(NativeManifest.beside(file));
    }

    /** Reads the manifest of {@code file} (the dump or its manifest) and checks the dump against it. */
    static Verified verify(Path file, BackupProgress progress) {
        Path manifestFile =
                file.getFileName().toString().endsWith(NativeManifest.SUFFIX) ? file : NativeManifest.beside(file);
        NativeManifest manifest;
        try {
            manifest = ArchiveJson.read(Files.readAllBytes(manifestFile), NativeManifest.class, "native manifest");
        } catch (IOException e) {
            throw new FlowbaseException(ErrorCode.NOT_FOUND, "cannot read the manifest " + manifestFile + ": " + e);
        }
        if (manifest.format() > ArchiveFile.FORMAT || manifest.dump() == null) {
            throw new FlowbaseException(
                    ErrorCode.ARCHIVE_INVALID,
                    manifestFile + " has format " + manifest.format() + " or no dump section; this Flowbase reads"
                            + " native manifests of format " + ArchiveFile.FORMAT);
        }
        Path dump = manifestFile.resolveSibling(manifest.dump().file());
        if (!Files.isRegularFile(dump)) {
            throw new FlowbaseException(
                    ErrorCode.NOT_FOUND, "no dump at " + dump + ", which the manifest " + manifestFile + " names");
        }
        progress.phase("verify", -1);
        NativeChecksums.check(dump, manifest.dump(), manifestFile);
        progress.finished();
        return new Verified(dump, manifest);
    }

    record Verified(Path dump, NativeManifest manifest) {}

    static RestoreReport restore(Path file, Database target, RestoreOptions options, BackupProgress progress) {
        Verified verified = verify(file, progress);
        NativeManifest manifest = verified.manifest();
        String where = target.config().describeTarget();
        String from = manifest.source().engine();
        if (!from.equals(target.engine().id())) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    file + " is a native " + manifest.dump().format() + " dump of a " + from + " database; " + where
                            + " is " + target.engine().id() + ": a native dump restores only into " + from
                            + ". To move between engines, take a portable backup (backup create without --native)");
        }
        if (options.replace()) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "--replace is not available for a native dump: restore it into an empty database");
        }
        NativeBackup engine = NativeBackup.forEngine(target.engine());
        try {
            try (Connection c = target.connection()) {
                List<String> existing = NativeTool.tables(c);
                if (!existing.isEmpty()) {
                    throw new FlowbaseException(
                            ErrorCode.REFUSED,
                            where + " is not empty (it holds table " + existing.get(0) + "): a native dump restores"
                                    + " only into an empty database");
                }
            }
            progress.phase("native restore", manifest.totalRows());
            engine.restore(target, verified.dump());
            progress.phase("check", manifest.totalRows());
            List<String> names =
                    manifest.tables().stream().map(NativeManifest.Table::name).toList();
            Map<String, Long> restored;
            try (Connection c = target.connection()) {
                restored = NativeTool.count(c, target.dialect(), names);
            }
            for (NativeManifest.Table t : manifest.tables()) {
                if (!Objects.equals(restored.get(t.name()), t.rows())) {
                    throw new FlowbaseException(
                            ErrorCode.VALIDATION_FAILED,
                            "table " + t.name() + " of " + where + " holds " + restored.get(t.name())
                                    + " rows after the restore, the manifest says " + t.rows());
                }
            }
            progress.finished();
            return new RestoreReport(manifest.asManifest(), where, "none", false, restored);
        } catch (IOException e) {
            throw new FlowbaseException(ErrorCode.INVALID_ARGUMENT, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw SqlErrors.statement(target.dialect(), "Restoring a native dump", e);
        }
    }
}
