package dev.flowbase.engines.mariadb;

import dev.flowbase.db.DatabaseStatistics;
import dev.flowbase.db.StatisticsQueries;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MariaDB's figures: information_schema's table estimates and sizes, InnoDB's own index sizes,
 * the buffer pool's counters, and the process list.
 */
final class MariaDbStatistics implements StatisticsQueries {

    @Override
    public DatabaseStatistics read(Connection c) throws SQLException {
        List<DatabaseStatistics.Table> tables = new ArrayList<>();
        List<DatabaseStatistics.Index> indexes = new ArrayList<>();
        Map<String, Long> figures = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT table_name, table_rows, data_length, index_length, update_time"
                    + " FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"
                    + " ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(new DatabaseStatistics.Table(
                            rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), null, null, null));
                }
            }
            // innodb_index_stats needs read access to the mysql schema; without it, no index sizes.
            try (ResultSet rs = s.executeQuery("SELECT table_name, index_name, stat_value * @@innodb_page_size"
                    + " FROM mysql.innodb_index_stats WHERE database_name = DATABASE() AND stat_name = 'size'"
                    + " ORDER BY table_name, index_name")) {
                while (rs.next()) {
                    indexes.add(new DatabaseStatistics.Index(rs.getString(1), rs.getString(2), rs.getLong(3), null));
                }
            } catch (SQLException noAccess) {
                indexes.clear();
            }
            try (ResultSet rs = s.executeQuery(
                    "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_buffer_pool_pages_total',"
                            + " 'Innodb_buffer_pool_pages_free', 'Innodb_buffer_pool_read_requests', 'Innodb_buffer_pool_reads')")) {
                while (rs.next()) {
                    figures.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
                }
            }
            Integer active;
            Integer waiting;
            Double longest;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(command <> 'Sleep'), 0),"
                    + " COALESCE(SUM(state LIKE '%lock%'), 0), MAX(CASE WHEN command <> 'Sleep' THEN time_ms END) / 1000"
                    + " FROM information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID()")) {
                rs.next();
                active = rs.getInt(1);
                waiting = rs.getInt(2);
                longest = rs.getObject(3, Double.class);
            }
            Long requests = figures.get("innodb_buffer_pool_read_requests");
            Long reads = figures.get("innodb_buffer_pool_reads");
            Double hit = requests == null || reads == null || requests == 0 ? null : 1.0 - (double) reads / requests;
            return new DatabaseStatistics(tables, indexes, hit, active, waiting, longest, figures);
        }
    }

    @Override
    public void analyze(Connection c, String quotedTable) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE TABLE " + quotedTable);
        }
    }
}
