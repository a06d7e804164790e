package dev.flowbase.backup;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The body of an archive, once opened, is a sequence of frames: a type byte, a 4-byte big-endian
 * length, and that many bytes. docs/backup.md lists the types and their order.
 */
final class Frames {
    static final byte TABLES = 'T';
    static final byte CHUNK = 'D';
    static final byte ROWS = 'R';
    static final byte MANIFEST = 'M';
    static final byte MANIFEST_SHA = 'S';
    static final byte END = 'E';
    /** No frame is this big; a length past it is damage, not data. */
    static final int MAX_LENGTH = 64 << 20;

    private Frames() {}

    record Frame(byte type, byte[] payload) {
        String typeName() {
            return String.valueOf((char) type);
        }
    }

    static final class Writer {
        private final DataOutputStream out;

        Writer(OutputStream out) {
            this.out = new DataOutputStream(out);
        }

        void write(byte type, byte[] payload, int length) throws IOException {
            out.writeByte(type);
            out.writeInt(length);
            out.write(payload, 0, length);
        }

        void write(byte type, byte[] payload) throws IOException {
            write(type, payload, payload.length);
        }
    }

    static final class Reader {
        private final DataInputStream in;
        private long frames;

        Reader(InputStream in) {
            this.in = new DataInputStream(in);
        }

        /** The next frame; a body that ends before its END frame is named truncated. */
        Frame next() throws IOException {
            try {
                byte type = in.readByte();
                int length = in.readInt();
                if (length < 0 || length > MAX_LENGTH) {
                    throw new FlowbaseException(
                            ErrorCode.ARCHIVE_INVALID,
                            "frame " + frames + " claims " + Integer.toUnsignedString(length)
                                    + " bytes: the archive is damaged");
                }
                byte[] payload = in.readNBytes(length);
                if (payload.length < length) {
                    throw new EOFException();
                }
                frames++;
                return new Frame(type, payload);
            } catch (EOFException e) {
                throw new FlowbaseException(
                        ErrorCode.ARCHIVE_INVALID,
                        "the archive is truncated: it ends inside frame " + frames + ", before its manifest");
            }
        }
    }
}
