package dev.flowbase.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Where each engine keeps its figures: one implementation per engine, registered in its kit. */
public interface StatisticsQueries {

    /** The statistics of the connection's current database (or schema). */
    DatabaseStatistics read(Connection connection) throws SQLException;

    /** Asks the engine to refresh its estimates of {@code table} (ANALYZE), as a DBA would. */
    void analyze(Connection connection, String quotedTable) throws SQLException;
}
