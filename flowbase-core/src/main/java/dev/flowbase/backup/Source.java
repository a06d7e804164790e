package dev.flowbase.backup;

/** The database a backup was taken from: its engine and the server's version. */
public record Source(String engine, String serverVersion) {}
