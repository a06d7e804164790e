package dev.flowbase.backup;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The front door of backups: {@link #create}, {@link #verify}, {@link #list} and {@link #restore}.
 * Archives are files named {@code *.fbk} by convention; docs/backup.md specifies their format.
 */
public final class Backups {
    /** The file name ending {@code backup create} uses and {@code backup list} looks for. */
    public static final String SUFFIX = ".fbk";

    /** What an archive being written is called until it is complete: {@code NAME.fbk.partial}. */
    public static final String PARTIAL = SUFFIX + ".partial";

    private Backups() {}

    /** Writes an archive of {@code db} to {@code out} (which must not exist) and returns its manifest. */
    public static Manifest create(
            Database db, Path out, BackupOptions options, InstantSource clock, BackupProgress progress) {
        return new BackupWriter(db, clock, progress).write(out, options);
    }

    /**
     * Writes an archive of only the rows {@code selections} name (one table each, in the order given),
     * from one snapshot, to {@code out} (which must not exist): retention's archive before it deletes.
     * It is read and verified like any archive; it is not a backup of the database.
     */
    public static Manifest archiveRows(
            Database db,
            Path out,
            BackupOptions options,
            List<RowSelection> selections,
            InstantSource clock,
            BackupProgress progress) {
        return new BackupWriter(db, clock, progress).write(out, options, List.copyOf(selections));
    }

    /** What {@link #readRows} hands on: each row of each table, in the archive's order. */
    public interface RowVisitor {
        void row(TableSpec table, Object[] row);
    }

    /**
     * Reads {@code file} through, handing each row to {@code visitor} once its chunk has passed its
     * SHA-256; the counts, hashes and manifest are checked as for {@link #verify}. Returns the manifest.
     */
    public static Manifest readRows(Path file, BackupKey key, RowVisitor visitor) {
        try (ArchiveReader reader = ArchiveReader.open(file, key)) {
            return reader.read(visitor::row, BackupProgress.NONE);
        }
    }

    /** Reads {@code file} through, checking every chunk, count and hash; returns its manifest. */
    public static Manifest verify(Path file, BackupKey key, BackupProgress progress) {
        progress.phase("verify", -1);
        try (ArchiveReader reader = ArchiveReader.open(file, key)) {
            Manifest manifest = reader.read((table, row) -> {}, progress);
            progress.finished();
            return manifest;
        }
    }

    /**
     * Restores {@code file} into {@code target}; see {@link Restorer} for what is checked and when. A
     * native dump (a manifest beside it) is loaded by the engine's own tool, into its own engine only.
     */
    public static RestoreReport restore(Path file, Database target, RestoreOptions options, BackupProgress progress) {
        if (NativeArchives.isNative(file)) {
            return NativeArchives.restore(file, target, options, progress);
        }
        return new Restorer(target, progress).restore(file, options);
    }

    /**
     * Writes {@code db} in its engine's own format to {@code out} ({@code pg_dump -Fc}, {@code
     * mariadb-dump}, SQLite's backup API) with its manifest beside it ({@link NativeManifest#beside}).
     */
    public static NativeManifest createNative(Database db, Path out, InstantSource clock, BackupProgress progress) {
        return NativeArchives.create(db, out, clock, progress);
    }

    /** Whether {@code file} is a native dump with its manifest beside it, or such a manifest. */
    public static boolean isNative(Path file) {
        return NativeArchives.isNative(file);
    }

    /** Checks a native dump ({@code file} or its manifest) against its manifest, and returns the manifest. */
    public static NativeManifest verifyNative(Path file, BackupProgress progress) {
        return NativeArchives.verify(file, progress).manifest();
    }

    /**
     * The archives in {@code dir}, newest first, each with its plain-text header; nothing is decrypted.
     * Archives being written ({@code .partial}) are listed too, without a header.
     */
    public static List<ArchiveListing> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FlowbaseException(ErrorCode.NOT_FOUND, dir + " is not a directory");
        }
        List<ArchiveListing> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)
                            || p.getFileName().toString().endsWith(PARTIAL))
                    .toList()) {
                try {
                    found.add(listing(f));
                } catch (NoSuchFileException gone) {
                    // a .partial renamed or removed while listing: its archive, if any, is listed or next time
                }
            }
        } catch (IOException e) {
            throw new FlowbaseException(ErrorCode.INVALID_ARGUMENT, "cannot list " + dir + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(ArchiveListing::modified).reversed());
        return found;
    }

    private static ArchiveListing listing(Path f) throws IOException {
        long size = Files.size(f);
        var modified = Files.getLastModifiedTime(f).toInstant();
        if (f.getFileName().toString().endsWith(PARTIAL)) {
            return new ArchiveListing(f, size, modified, null, null);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(f))) {
            return new ArchiveListing(
                    f, size, modified, ArchiveFile.readHeader(in, f.toString()).header(), null);
        } catch (FlowbaseException e) {
            return new ArchiveListing(f, size, modified, null, e.getMessage());
        }
    }
}
