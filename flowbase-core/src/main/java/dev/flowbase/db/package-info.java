/**
 * Connections to the three engines: the pooled {@link dev.flowbase.db.Database}, one
 * {@link dev.flowbase.db.Dialect} class per engine, and the classification of SQL errors.
 */
package dev.flowbase.db;
