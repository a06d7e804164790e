package dev.flowbase.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        return sha256(normalize(text));
    }

    /**
     * The checksum of the first statements of a script, chained so that each step costs one hash:
     * it tells whether the statements a failed run applied are still the same after an edit.
     */
    public static String chain(String previous, String statement) {
        return sha256((previous == null ? "" : previous) + "\n" + statement);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
