package dev.flowbase.backup;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/**
 * AES-256-GCM in authenticated segments of 1 MiB (Tink's streaming AEAD, segment keys derived with
 * HKDF-SHA256), so that a restore never acts on bytes that were not authenticated and never holds
 * the whole ciphertext. The archive's header line is the associated data of every segment.
 */
final class ArchiveCipher {
    static final String SCHEME = "AES256_GCM_HKDF_1MB";
    private static final int SEGMENT = 1 << 20;

    private ArchiveCipher() {}

    static OutputStream encrypt(OutputStream out, BackupKey key, byte[] header) throws IOException {
        try {
            return streaming(key).newEncryptingStream(out, header);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot start encrypting: " + e.getMessage(), e);
        }
    }

    static InputStream decrypt(InputStream in, BackupKey key, byte[] header) throws IOException {
        try {
            return streaming(key).newDecryptingStream(in, header);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot start decrypting: " + e.getMessage(), e);
        }
    }

    private static AesGcmHkdfStreaming streaming(BackupKey key) throws GeneralSecurityException {
        return new AesGcmHkdfStreaming(key.bytes(), "HmacSha256", BackupKey.BYTES, SEGMENT, 0);
    }
}
