package dev.flowbase.backup;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * The outside of an archive: a magic line, the plain-text {@link ArchiveHeader} as one line of JSON,
 * then the body, compressed and (when the header says so) encrypted with the header as associated data.
 */
final class ArchiveFile {
    static final byte[] MAGIC = "FLOWBASE-BACKUP\n".getBytes(StandardCharsets.US_ASCII);
    /** The archive format this version writes and the newest it reads. */
    static final int FORMAT = 1;

    private static final int MAX_HEADER = 64 << 10;

    private ArchiveFile() {}

    /** The header as read, and its exact bytes (the associated data of an encrypted body). */
    record Opened(ArchiveHeader header, byte[] line) {}

    /** Writes the magic and the header to {@code raw} and returns the stream the frames go to. */
    static OutputStream create(OutputStream raw, ArchiveHeader header, BackupKey key) throws IOException {
        byte[] line = ArchiveJson.write(header);
        raw.write(MAGIC);
        raw.write(line);
        raw.write('\n');
        OutputStream body = key == null ? raw : ArchiveCipher.encrypt(raw, key, line);
        return Compression.ofArchive(header.compression()).compress(body);
    }

    static Opened readHeader(InputStream raw, String file) throws IOException {
        byte[] magic = raw.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new FlowbaseException(
                    ErrorCode.ARCHIVE_INVALID,
                    file + " is not a Flowbase backup (it does not start with FLOWBASE-BACKUP)");
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = raw.read(); b != '\n'; b = raw.read()) {
            if (b < 0 || line.size() > MAX_HEADER) {
                throw new FlowbaseException(
                        ErrorCode.ARCHIVE_INVALID, file + " is truncated or damaged in its header line");
            }
            line.write(b);
        }
        ArchiveHeader header = ArchiveJson.read(line.toByteArray(), ArchiveHeader.class, "header");
        if (header.format() > FORMAT || header.format() < 1) {
            throw new FlowbaseException(
                    ErrorCode.ARCHIVE_INVALID,
                    file + " has archive format " + header.format() + "; this Flowbase reads format " + FORMAT
                            + " and older: restore it with a newer Flowbase");
        }
        return new Opened(header, line.toByteArray());
    }

    /** The frames of the body, decrypted and decompressed; {@code key} may be null for an archive that is not encrypted. */
    static InputStream body(InputStream raw, Opened opened, BackupKey key, String file) throws IOException {
        ArchiveHeader header = opened.header();
        Compression compression = Compression.ofArchive(header.compression());
        if (!header.encrypted()) {
            return compression.decompress(raw);
        }
        if (key == null) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    file + " is encrypted (key id " + header.encryption().keyId() + "): give its key with --key-file"
                            + " FILE or the " + BackupKey.DEFAULT_ENV + " environment variable");
        }
        if (!ArchiveCipher.SCHEME.equals(header.encryption().scheme())) {
            throw new FlowbaseException(
                    ErrorCode.ARCHIVE_INVALID,
                    file + " is encrypted with " + header.encryption().scheme() + "; this version reads "
                            + ArchiveCipher.SCHEME);
        }
        if (!key.id().equals(header.encryption().keyId())) {
            throw new FlowbaseException(
                    ErrorCode.ARCHIVE_INVALID,
                    "wrong key for " + file + ": it was encrypted with key id "
                            + header.encryption().keyId() + ", the key given has id " + key.id());
        }
        return compression.decompress(ArchiveCipher.decrypt(raw, key, opened.line()));
    }

    /** Names what a failure to read the body means: a truncated file, damaged bytes, or a failed authentication. */
    static FlowbaseException failure(IOException e, ArchiveHeader header, String file, long position) {
        String where = file + " near byte " + position;
        if (e instanceof EOFException || String.valueOf(e.getMessage()).contains("Unexpected end")) {
            return new FlowbaseException(
                    ErrorCode.ARCHIVE_INVALID, "the archive is truncated: " + where + " ends early", e);
        }
        if (header != null && header.encrypted()) {
            return new FlowbaseException(
                    ErrorCode.ARCHIVE_INVALID,
                    "a segment of " + where + " failed authentication: the archive was changed, damaged or truncated"
                            + " after it was written",
                    e);
        }
        String kind = e instanceof ZipException ? "compressed data" : "body";
        return new FlowbaseException(
                ErrorCode.ARCHIVE_INVALID,
                "the archive's " + kind + " is damaged: " + where + " (" + e.getMessage() + ")",
                e);
    }

    /** Counts the bytes read from the file, to say where a failure was. */
    static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
