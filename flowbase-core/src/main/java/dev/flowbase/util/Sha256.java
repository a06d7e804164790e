package dev.flowbase.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of text as UTF-8: the one hash behind checksums, seed revisions, key hashes and lock keys. */
public final class Sha256 {
    private Sha256() {}

    public static byte[] of(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Lower-case hex, 64 characters. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }
}
