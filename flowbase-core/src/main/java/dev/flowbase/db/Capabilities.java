package dev.flowbase.db;

/**
 * What an engine can do, named for what the layers above need rather than for the vendor. One value
 * per dialect; code asks {@code dialect.capabilities().transactionalDdl()}, never "is this MariaDB?".
 * Only what some layer reads is declared: a difference that only one engine's own SQL relies on (its
 * claim statement, its wake-ups) lives in that engine's part instead of behind a flag.
 *
 * @param transactionalDdl DDL can be rolled back with the transaction it ran in
 * @param createDatabase server-side databases that a user with the grants may create
 */
public record Capabilities(boolean transactionalDdl, boolean createDatabase) {}
