package dev.flowbase.server.http;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Refuses a body over the limit before it is read, by its declared length (Javalin refuses one
 * that grows past the limit while it is read), and a body that is not JSON.
 */
final class BodyLimit {
    private BodyLimit() {}

    static void check(Context ctx, int maxBytes) {
        long length = ctx.contentLength();
        if (length > maxBytes) {
            throw new FlowbaseException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "The body has " + length + " bytes; the server takes at most " + maxBytes
                            + " (server.max_body_bytes)");
        }
        String type = ctx.contentType();
        if (length > 0 && type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new FlowbaseException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type is " + type + "; send application/json");
        }
    }
}
