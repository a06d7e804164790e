package dev.flowbase.server.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request gets an id: the client's {@code X-Request-Id} when it is a sane token, else a new
 * one. It is sent back, put in the log's MDC for the request's lines, and kept with audit rows, so
 * a problem a client reports can be found in the log.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "flowbase.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {}

    static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SANE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put("requestId", id);
    }

    /**
     * A random id from the thread's own generator: {@link UUID#randomUUID} shares one
     * SecureRandom, a lock every request would queue on, and a request id needs no secrecy.
     */
    private static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    static void clear(Context ctx) {
        MDC.remove("requestId");
    }

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "none" : id;
    }
}
