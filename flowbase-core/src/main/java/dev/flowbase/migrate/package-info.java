/**
 * Versioned, undo and repeatable SQL migrations on the three engines: scripts are resolved from a
 * location ({@link dev.flowbase.migrate.ScriptSet}), recorded in a history table
 * ({@link dev.flowbase.migrate.HistoryTable}) under a lock that a crash cannot leave behind
 * ({@link dev.flowbase.migrate.EngineSupport}), and run by {@link dev.flowbase.migrate.Migrator},
 * the front door, whose operations return plain result records.
 */
package dev.flowbase.migrate;
