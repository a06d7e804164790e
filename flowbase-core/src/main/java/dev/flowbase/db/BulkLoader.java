package dev.flowbase.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Loads many rows faster than a batch of INSERTs, where the engine has a way (PostgreSQL's
 * {@code COPY FROM STDIN}). Values are the Java values the stores bind: strings, numbers, booleans,
 * UUIDs, instants, JSON documents as text, enums, or null.
 */
public interface BulkLoader {
    /** Loads {@code rows} (one value per column, in order) into {@code table} within the caller's transaction. */
    int load(Connection connection, String table, List<String> columns, List<Object[]> rows) throws SQLException;
}
