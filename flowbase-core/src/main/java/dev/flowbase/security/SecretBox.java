package dev.flowbase.security;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens values with AES-256-GCM under a master key. A sealed value is text:
 * {@code fbenc:v1:<key fingerprint>:<base64 of 12-byte nonce + ciphertext + 16-byte tag>}. The
 * fingerprint is bound into the tag as associated data, so it cannot be swapped unnoticed.
 */
public final class SecretBox {
    static final String PREFIX = "fbenc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey key;
    private final SecretKeySpec spec;

    public SecretBox(MasterKey key) {
        this.key = key;
        this.spec = new SecretKeySpec(key.bytes(), "AES");
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String keyFingerprint() {
        return key.fingerprint();
    }

    public String seal(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(key.fingerprint().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return PREFIX + key.fingerprint() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * Opens a sealed value.
     *
     * @param what names the value in errors (a configuration key), never the value
     * @throws FlowbaseException when it was sealed under another key or has been altered
     */
    public String open(String sealed, String what) {
        if (!isSealed(sealed)) {
            throw new FlowbaseException(ErrorCode.VALIDATION_FAILED, what + " is not an encrypted value");
        }
        String rest = sealed.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        String fingerprint = colon < 0 ? "" : rest.substring(0, colon);
        if (!fingerprint.equals(key.fingerprint())) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_CONFIGURATION,
                    what + " was encrypted under master key " + fingerprint + ", but the master key given is "
                            + key.fingerprint() + ": set FLOWBASE_MASTER_KEY (or the key file) to the key in use");
        }
        try {
            byte[] in = Base64.getDecoder().decode(rest.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(fingerprint.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new FlowbaseException(
                    ErrorCode.VALIDATION_FAILED, what + " cannot be decrypted: it has been altered or truncated");
        }
    }
}
