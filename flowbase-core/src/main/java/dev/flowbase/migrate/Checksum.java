package dev.flowbase.migrate;

import dev.flowbase.util.Sha256;

/** SHA-256 checksums of scripts, blind to the differences a checkout on another OS introduces. */
public final class Checksum {
    private Checksum() {}

    /** Removes a leading byte order mark and turns CRLF (and lone CR) line ends into LF. */
    public static String normalize(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The lower-case hex SHA-256 of the normalised text. */
    public static String of(String text) {
        return Sha256.hex(normalize(text));
    }

    /**
     * The checksum of the first statements of a script, chained so that each step costs one hash:
     * it tells whether the statements a failed run applied are still the same after an edit.
     */
    public static String chain(String previous, String statement) {
        return Sha256.hex((previous == null ? "" : previous) + "\n" + statement);
    }
}
