package dev.flowbase.backup;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key of encrypted backups, given as base64 text in a file or an environment variable.
 * Its {@link #id()} is written in the archive's header so that a wrong key is named as such; the id
 * is an HMAC of a fixed label, which tells nothing about the key. {@link #toString()} never shows it.
 */
public final class BackupKey {
    /** The environment variable read when no key file is given. */
    public static final String DEFAULT_ENV = "FLOWBASE_BACKUP_KEY";

    static final int BYTES = 32;
    private final byte[] bytes;

    private BackupKey(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static BackupKey generate() {
        byte[] b = new byte[BYTES];
        new SecureRandom().nextBytes(b);
        return new BackupKey(b);
    }

    /** Reads the key from {@code file}: base64 of 32 bytes, surrounding white space ignored. */
    public static BackupKey fromFile(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), "key file " + file);
        } catch (IOException e) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT, "cannot read the key file " + file + ": " + e.getMessage());
        }
    }

    /** Reads the key from the environment variable {@code name}. */
    public static BackupKey fromEnvironment(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "no backup key: set " + name + " to the key (base64 of 32 bytes, `flowbase backup key`"
                            + " makes one) or pass --key-file FILE");
        }
        return parse(value, "environment variable " + name);
    }

    private static BackupKey parse(String text, String where) {
        byte[] b;
        try {
            b = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            b = new byte[0];
        }
        if (b.length != BYTES) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "the " + where + " does not hold a backup key: expected base64 of 32 bytes (44 characters);"
                            + " `flowbase backup key` makes one");
        }
        return new BackupKey(b);
    }

    /** The key as base64 text, to store in a file or a secret manager. */
    public String encoded() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** 16 hex digits that identify the key without revealing it. */
    public String id() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            byte[] tag = mac.doFinal("flowbase backup key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(tag, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "BackupKey[id=" + id() + "]";
    }
}
