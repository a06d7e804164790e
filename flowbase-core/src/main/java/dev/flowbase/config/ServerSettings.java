package dev.flowbase.config;

/** Where {@code flowbase serve} listens. */
public record ServerSettings(String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
}
