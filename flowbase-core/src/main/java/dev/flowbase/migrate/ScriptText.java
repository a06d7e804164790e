package dev.flowbase.migrate;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.Printable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a migration file, checked before anything runs: valid UTF-8 and no NUL byte. Both
 * would otherwise surface half-way through a run as a driver failure far from their cause (a NUL
 * makes PostgreSQL close the connection), so each is named by file and byte offset.
 */
final class ScriptText {
    private ScriptText() {}

    static String decode(String name, String origin, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw bad(name, origin, in.position(), "is not valid UTF-8");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int offset = text.substring(0, nul).getBytes(StandardCharsets.UTF_8).length;
            throw bad(name, origin, offset, "contains a NUL byte");
        }
        return text;
    }

    private static FlowbaseException bad(String name, String origin, int offset, String what) {
        return new FlowbaseException(
                ErrorCode.MIGRATION_FAILED,
                "Migration file " + Printable.escape(name + " in " + origin) + " " + what + " at byte offset " + offset
                        + ": save it as UTF-8 text without control characters");
    }
}
