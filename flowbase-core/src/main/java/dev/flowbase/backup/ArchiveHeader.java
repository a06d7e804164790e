package dev.flowbase.backup;

import java.time.Instant;

/**
 * The plain-text line at the top of an archive, readable without the key: enough for {@code backup
 * list} and to know how to open the body. An encrypted body is bound to this exact line (it is the
 * associated data), so editing it makes the body fail authentication.
 */
public record ArchiveHeader(
        int format,
        String archiveId,
        Instant createdAt,
        String flowbaseVersion,
        Source source,
        String schemaVersion,
        String compression,
        Sealing encryption) {

    public boolean encrypted() {
        return encryption != null;
    }
}
