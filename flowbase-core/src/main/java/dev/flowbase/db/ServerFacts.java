package dev.flowbase.db;

/** What the server says about itself and about this session. */
public record ServerFacts(String product, String version, String database, String user, boolean tls) {}
