package dev.flowbase.search;

import dev.flowbase.error.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of newest-first results starts: the last hit's time, kind and id. Results
 * are ordered by time, then kind, then id, so each kind's statement continues exactly after it
 * ({@link #condition}) and no row is shown twice or skipped between pages.
 */
record SearchCursor(Instant at, Kind kind, UUID id) {

    String encode() {
        String raw = at + "|" + kind.name() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new SearchCursor(Instant.parse(parts[0]), Kind.valueOf(parts[1]), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidFieldException("cursor", "'" + cursor + "'", "the nextCursor of the page before");
        }
    }

    /** The rows of {@code k} that come after this cursor, newest first. */
    String condition(Kind k) {
        if (k == kind) {
            return "(d.created_at < :cursorAt OR (d.created_at = :cursorAt AND d.id < :cursorId))";
        }
        return k.ordinal() > kind.ordinal() ? "d.created_at <= :cursorAt" : "d.created_at < :cursorAt";
    }
}
