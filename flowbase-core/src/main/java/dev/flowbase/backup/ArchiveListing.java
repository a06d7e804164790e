package dev.flowbase.backup;

import java.nio.file.Path;
import java.time.Instant;

/** An archive found by {@code backup list}: its file, size and modification time, and its plain-text header (null when unreadable). */
public record ArchiveListing(Path file, long bytes, Instant modified, ArchiveHeader header, String problem) {}
