package dev.flowbase.db;

/**
 * What an engine can do, named for what the layers above need rather than for the vendor. One value
 * per dialect; code asks {@code dialect.capabilities().skipLocked()}, never "is this MariaDB?".
 *
 * @param transactionalDdl DDL can be rolled back with the transaction it ran in
 * @param skipLocked {@code SELECT … FOR UPDATE SKIP LOCKED}, so that claiming workers never wait for each other
 * @param insertReturning {@code INSERT … RETURNING} (and {@code DELETE … RETURNING})
 * @param updateReturning {@code UPDATE … RETURNING}: claim and mark rows in one statement
 * @param listenNotify {@code LISTEN}/{@code NOTIFY}: wake-ups without polling
 * @param createDatabase server-side databases that a user with the grants may create
 */
public record Capabilities(
        boolean transactionalDdl,
        boolean skipLocked,
        boolean insertReturning,
        boolean updateReturning,
        boolean listenNotify,
        boolean createDatabase) {}
