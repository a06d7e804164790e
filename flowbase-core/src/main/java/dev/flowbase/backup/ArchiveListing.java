package dev.flowbase.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * An archive found by {@code backup list}: its file, size and modification time, and its plain-text
 * header (null when unreadable, or while it is being written).
 */
public record ArchiveListing(Path file, long bytes, Instant modified, ArchiveHeader header, String problem) {
    /** A {@code .partial} file: a backup being written now (or one whose writer was killed). */
    public boolean writing() {
        return file.getFileName().toString().endsWith(Backups.PARTIAL);
    }

    /** Written by {@code serve}'s schedule, whose retention rule may delete it. */
    public boolean scheduled() {
        return file.getFileName().toString().startsWith(ScheduledBackups.PREFIX);
    }
}
