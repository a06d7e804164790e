package dev.flowbase.backup;

/** How an archive's body is encrypted, and the id of the key (never the key) that opens it. */
public record Sealing(String scheme, String keyId) {}
