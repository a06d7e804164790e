package dev.flowbase.backup;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a native dump, whole and per MiB: the whole for the record, the pieces to say where
 * a dump was changed ({@code bytes 1048576–2097151 of …}), which a single digest cannot.
 */
record NativeChecksums(long bytes, String sha256, List<String> chunks) {
    static final int CHUNK = 1 << 20;

    static NativeChecksums of(Path file) throws IOException {
        MessageDigest whole = digest();
        MessageDigest piece = digest();
        List<String> chunks = new ArrayList<>();
        long bytes = 0;
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(buffer, 0, CHUNK)) > 0) {
                whole.update(buffer, 0, n);
                piece.update(buffer, 0, n);
                chunks.add(HexFormat.of().formatHex(piece.digest()));
                bytes += n;
            }
        }
        return new NativeChecksums(bytes, HexFormat.of().formatHex(whole.digest()), chunks);
    }

    /** Checks {@code file} against what {@code manifestFile} says of it, naming the first difference. */
    static void check(Path file, NativeManifest.Dump dump, Path manifestFile) {
        NativeChecksums actual;
        try {
            actual = of(file);
        } catch (IOException e) {
            throw new FlowbaseException(ErrorCode.INVALID_ARGUMENT, "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (actual.bytes() < dump.bytes()) {
            throw invalid(file + " is truncated: it holds " + actual.bytes() + " bytes, its manifest " + manifestFile
                    + " says " + dump.bytes());
        }
        if (actual.bytes() > dump.bytes()) {
            throw invalid(file + " holds " + actual.bytes() + " bytes, its manifest " + manifestFile + " says "
                    + dump.bytes() + ": bytes were added after it was written");
        }
        for (int i = 0; i < actual.chunks().size(); i++) {
            if (i >= dump.chunks().size()
                    || !actual.chunks().get(i).equals(dump.chunks().get(i))) {
                long from = (long) i * CHUNK;
                long to = Math.min(from + CHUNK, actual.bytes()) - 1;
                throw invalid(file + ": bytes " + from + "–" + to + " (piece " + i + " of "
                        + actual.chunks().size()
                        + ") fail their SHA-256 check against " + manifestFile
                        + ": the dump was changed or damaged after it was written");
            }
        }
        if (!actual.sha256().equals(dump.sha256())) {
            throw invalid(file + " fails its SHA-256 check against " + manifestFile + " (manifest " + dump.sha256()
                    + ", file " + actual.sha256() + ")");
        }
    }

    private static FlowbaseException invalid(String message) {
        return new FlowbaseException(ErrorCode.ARCHIVE_INVALID, message);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
