package dev.flowbase.migrate;

/** The version a database was marked as being at, in which history table. */
public record BaselineResult(String version, String table) {}
