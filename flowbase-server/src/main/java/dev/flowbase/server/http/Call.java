package dev.flowbase.server.http;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.Origin;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;

/**
 * One request as a route sees it: the caller, its organization, the stores writing audit rows in
 * the caller's name, and the request's parameters parsed with errors that name the field.
 */
public final class Call {
    private final Context ctx;
    private final Principal principal;
    private final Services services;
    private Stores stores;

    Call(Context ctx, Principal principal, Services services) {
        this.ctx = ctx;
        this.principal = principal;
        this.services = services;
    }

    public Services services() {
        return services;
    }

    /** The caller; routes that need no key have none and must not ask. */
    public Principal principal() {
        if (principal == null) {
            throw new IllegalStateException("a public route asked for its caller");
        }
        return principal;
    }

    public UUID organization() {
        return principal().organizationId();
    }

    public String requestId() {
        return RequestIds.of(ctx);
    }

    public Origin origin() {
        return new Origin(requestId(), ctx.ip(), ctx.userAgent());
    }

    /**
     * The stores, each change audited in the caller's name with this request's id, and acting in
     * the caller's organization: a row of another one, named in the path or the body, is not found.
     */
    public Stores stores() {
        if (stores == null) {
            // Once per request: an endpoint asks several times, and Stores holds a store per aggregate.
            stores = principal == null
                    ? services.stores()
                    : services.stores().within(principal.organizationId()).as(principal.actor(), origin());
        }
        return stores;
    }

    public Queue queue() {
        return services.queue().withStores(stores());
    }

    /** A path parameter that holds an id. */
    public UUID uuid(String pathParameter) {
        return uuid(pathParameter, ctx.pathParam(pathParameter));
    }

    /** A query parameter that holds an id, when present. */
    public Optional<UUID> uuidQuery(String name) {
        return query(name).map(text -> uuid(name, text));
    }

    private static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "'" + Bodies.shown(text) + "'", "a UUID");
        }
    }

    public String path(String pathParameter) {
        return ctx.pathParam(pathParameter);
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isEmpty());
    }

    /** A query parameter parsed by {@code parse}, which throws an error naming it when the text is bad. */
    public <T> Optional<T> query(String name, Function<String, T> parse) {
        return query(name).map(parse);
    }

    public int intQuery(String name, int fallback, int min, int max) {
        return query(name)
                .map(t -> {
                    try {
                        int v = Integer.parseInt(t);
                        if (v >= min && v <= max) {
                            return v;
                        }
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                    throw new InvalidFieldException(
                            name, "'" + Bodies.shown(t) + "'", "a whole number from " + min + " to " + max);
                })
                .orElse(fallback);
    }

    /** A query parameter that is {@code true} or {@code false}; false when it is missing. */
    public boolean flag(String name) {
        return query(name)
                .map(t -> switch (t) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new InvalidFieldException(name, "'" + Bodies.shown(t) + "'", "true or false");
                })
                .orElse(false);
    }

    /** The page asked for by {@code limit} and {@code cursor}. */
    public PageRequest page() {
        int limit = intQuery("limit", PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
        return new PageRequest(limit, query("cursor").orElse(null));
    }

    /** The JSON body as {@code type}: unknown fields, wrong types and missing fields are named. */
    public <T> T body(Class<T> type) {
        return Bodies.read(ctx.body(), type);
    }

    /** The body as {@code type}, or {@code fallback} when the request has none. */
    public <T> T bodyOr(Class<T> type, T fallback) {
        String text = ctx.body();
        return text == null || text.isBlank() ? fallback : Bodies.read(text, type);
    }

    /** The version an {@code If-Match} header names, for an update that must not overwrite a newer one. */
    public OptionalInt ifMatch() {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank() || header.equals("*")) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(
                    Integer.parseInt(header.replace("W/", "").replace("\"", "").trim()));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(
                    "If-Match", "'" + Bodies.shown(header) + "'", "an ETag this API sent, such as \"3\"");
        }
    }

    /**
     * Refuses an update whose {@code If-Match} names another version than the row's: someone
     * changed it since the caller read it.
     */
    public void requireMatch(String what, int current) {
        // A PATCH changes some fields of what the caller read: without a version it would silently
        // undo a change made since. "*" says "whatever version is there" on purpose.
        if ("PATCH".equals(ctx.method().name()) && ctx.header("If-Match") == null) {
            throw new FlowbaseException(
                    ErrorCode.PRECONDITION_REQUIRED,
                    "If-Match: required to change " + what + "; send the ETag of a GET (now \"" + current
                            + "\"), or * to change whatever version is there");
        }
        OptionalInt expected = ifMatch();
        if (expected.isPresent() && expected.getAsInt() != current) {
            throw new FlowbaseException(
                    ErrorCode.PRECONDITION_FAILED,
                    what + " is at version " + current + ", not " + expected.getAsInt()
                            + " as If-Match says: read it again and retry");
        }
    }
}
