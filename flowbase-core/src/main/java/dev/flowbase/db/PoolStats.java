package dev.flowbase.db;

/** A moment's view of the connection pool. */
public record PoolStats(int active, int idle, int waiting, int max) {}
