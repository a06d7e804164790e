package dev.flowbase.backup;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.error.InvalidFieldException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** How an archive's frames are compressed: gzip from the JDK (the default), zstd, or not at all. */
public enum Compression {
    GZIP,
    ZSTD,
    NONE;

    public static final Compression DEFAULT = GZIP;
    private static final int BUFFER = 1 << 16;
    private static final int ZSTD_LEVEL = 3;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Compression parse(String field, String value) {
        for (Compression c : values()) {
            if (c.id().equals(value)) {
                return c;
            }
        }
        throw new InvalidFieldException(field, value, "gzip, zstd or none");
    }

    /** The compression an archive's header names; an unknown one is an archive this version cannot read. */
    static Compression ofArchive(String value) {
        for (Compression c : values()) {
            if (c.id().equals(value)) {
                return c;
            }
        }
        throw new FlowbaseException(
                ErrorCode.ARCHIVE_INVALID,
                "the archive's header names compression \"" + value + "\"; this version reads gzip, zstd and none");
    }

    OutputStream compress(OutputStream out) throws IOException {
        return switch (this) {
            case GZIP -> new GZIPOutputStream(out, BUFFER);
            case ZSTD -> new ZstdOutputStream(out, ZSTD_LEVEL);
            case NONE -> out;
        };
    }

    InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case GZIP -> new GZIPInputStream(in, BUFFER);
            case ZSTD -> new ZstdInputStream(in);
            case NONE -> in;
        };
    }
}
