package dev.flowbase.server.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The headers every answer carries, pages and API alike: scripts and styles only from Flowbase
 * itself (no inline script), no frame may embed it, no referrer leaves it, no content sniffing,
 * and Strict-Transport-Security when the request came over TLS (directly, or through a proxy that
 * says so in {@code X-Forwarded-Proto}: a client that lies there only hardens its own answer).
 */
public final class SecurityHeaders {
    /** The admin page's own policy: it loads nothing from elsewhere and runs no inline script. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    static final String HSTS = "max-age=31536000; includeSubDomains";

    private SecurityHeaders() {}

    /** A before-handler for every path. */
    public static void apply(Context ctx) {
        always(ctx::header);
        if (overTls(ctx)) {
            ctx.header("Strict-Transport-Security", HSTS);
        }
    }

    /** The headers that do not depend on the request, also for answers Jetty gives before Javalin. */
    static void always(BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", CSP);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", "no-referrer");
    }

    /** Whether the browser reached us over TLS, so cookies may be marked Secure and HSTS sent. */
    public static boolean overTls(Context ctx) {
        if ("https".equals(ctx.scheme())) {
            return true;
        }
        String forwarded = ctx.header("X-Forwarded-Proto");
        return forwarded != null
                && forwarded.split(",")[0].strip().toLowerCase(Locale.ROOT).equals("https");
    }
}
