/**
 * Portable backups: one archive (docs/backup.md) that any engine writes and any engine restores. A
 * consistent snapshot is streamed table by table in foreign-key order as typed, engine-neutral NDJSON,
 * in checksummed chunks, compressed and optionally encrypted; a restore loads it in one transaction
 * and compares counts and per-table hashes with the manifest before it commits. What each engine does
 * differently (the snapshot, fetch sizes, column types, clearing and sequences) is its {@link
 * dev.flowbase.backup.BackupSql}, in the engine's kit.
 */
package dev.flowbase.backup;
