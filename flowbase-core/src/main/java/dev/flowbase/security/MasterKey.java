package dev.flowbase.security;

import dev.flowbase.config.SecuritySettings;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The 256-bit key that encrypts sensitive configuration values. Its fingerprint (the first 8 hex
 * digits of its SHA-256) is stored with each value, so that a value sealed under another key is
 * named as such instead of failing as "corrupt". {@link #toString()} never shows the key.
 */
public final class MasterKey {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final byte[] bytes;
    private final String fingerprint;

    private MasterKey(byte[] bytes) {
        this.bytes = bytes.clone();
        this.fingerprint = Sha256.hex(Base64.getEncoder().encodeToString(bytes)).substring(0, 8);
    }

    /** The key the settings name, or empty when they name none. */
    public static Optional<MasterKey> from(SecuritySettings settings) {
        if (!settings.masterKey().isEmpty()) {
            return Optional.of(parse(settings.masterKey().value(), "FLOWBASE_MASTER_KEY"));
        }
        return settings.masterKeyFile().map(MasterKey::read);
    }

    /** A key given as base64 text; {@code source} names where it came from in errors. */
    public static MasterKey parse(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_CONFIGURATION,
                    source + ": expected 32 bytes in base64 (44 characters; `openssl rand -base64 32` makes one),"
                            + " the value given is not (it is not shown)");
        }
        return new MasterKey(bytes);
    }

    /** Reads a key file, refusing one that others than its owner may read. */
    public static MasterKey read(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> open = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                open.retainAll(OTHERS);
                if (!open.isEmpty()) {
                    throw new FlowbaseException(
                            ErrorCode.INVALID_CONFIGURATION,
                            "security.master_key_file=" + file + ": others than its owner may read or change it;"
                                    + " expected owner-only permissions (chmod 600 " + file + ")");
                }
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), "security.master_key_file=" + file);
        } catch (IOException e) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "security.master_key_file=" + file + ": cannot be read ("
                            + e.getClass().getSimpleName() + ")");
        }
    }

    public static MasterKey generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /** The key as base64, for writing a new key file once; never for logs. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public String fingerprint() {
        return fingerprint;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "MasterKey[" + fingerprint + "]";
    }
}
