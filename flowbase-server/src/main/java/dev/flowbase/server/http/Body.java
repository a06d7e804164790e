package dev.flowbase.server.http;

/**
 * What a request or response body holds, for the OpenAPI document: one record type, a page or a
 * list of them, or a schema written by hand and named in {@code openapi-schemas.json}.
 */
public record Body(Kind kind, Class<?> type, String schema) {
    public enum Kind {
        ONE,
        PAGE,
        LIST,
        NAMED,
        NONE,
        TEXT,
        BINARY
    }

    /** Plain text, such as Prometheus's format. */
    public static final Body TEXT = new Body(Kind.TEXT, null, null);

    /** Bytes to save as a file ({@link Download}), such as an organization's export. */
    public static final Body BINARY = new Body(Kind.BINARY, null, null);

    /** No body: a 204. */
    public static final Body NONE = new Body(Kind.NONE, null, null);

    public static Body of(Class<?> type) {
        return new Body(Kind.ONE, type, type.getSimpleName());
    }

    public static Body pageOf(Class<?> type) {
        return new Body(Kind.PAGE, type, type.getSimpleName());
    }

    public static Body listOf(Class<?> type) {
        return new Body(Kind.LIST, type, type.getSimpleName());
    }

    public static Body named(String schema) {
        return new Body(Kind.NAMED, null, schema);
    }
}
