/**
 * Schemas as values: a {@link dev.flowbase.schema.Catalog} read from a live database through JDBC
 * metadata (with one small query class per engine for what metadata leaves out), and
 * {@link dev.flowbase.schema.SchemaDiff}, which names every difference between two of them.
 */
package dev.flowbase.schema;
