package dev.flowbase.backup;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.util.Locale;

/**
 * The engine-neutral type of a column: what the archive says a value is, whatever the engine stored
 * it as (a PostgreSQL {@code uuid}, a MariaDB {@code UUID} and a SQLite {@code TEXT} id are all
 * {@link #UUID}).
 */
public enum ColumnKind {
    UUID,
    TEXT,
    /** Whole numbers up to 64 bits. */
    INTEGER,
    DOUBLE,
    BOOLEAN,
    /** A point in time, written in UTC. */
    INSTANT,
    /** A JSON document, kept as its text. */
    JSON,
    /** Bytes, written as base64. */
    BINARY;

    /** The name in the archive, for example {@code instant}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The archive's JSON writes and reads kinds by this name (ArchiveJson). */
    @Override
    public String toString() {
        return id();
    }

    public static ColumnKind fromId(String id) {
        for (ColumnKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        throw new FlowbaseException(
                ErrorCode.ARCHIVE_INVALID,
                "column kind \"" + id + "\" is not one this version reads (uuid, text, integer, double, boolean,"
                        + " instant, json, binary): the archive is newer or damaged");
    }
}
