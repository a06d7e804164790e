package dev.flowbase.config;

/** Where {@code flowbase serve} listens. */
public record ServerSettings(String host, int port) {}
