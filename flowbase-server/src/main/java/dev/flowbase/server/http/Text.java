package dev.flowbase.server.http;

/** A body that is not JSON, such as Prometheus's text format. */
public record Text(String contentType, String text) {}
