package dev.flowbase.engines.postgresql;

import dev.flowbase.db.DatabaseStatistics;
import dev.flowbase.db.StatisticsQueries;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PostgreSQL's figures: pg_class estimates and sizes, pg_stat_user_* upkeep and scans, pg_stat_activity. */
final class PostgresStatistics implements StatisticsQueries {

    @Override
    public DatabaseStatistics read(Connection c) throws SQLException {
        List<DatabaseStatistics.Table> tables = new ArrayList<>();
        List<DatabaseStatistics.Index> indexes = new ArrayList<>();
        Double hit = null;
        Integer active = null;
        Integer waiting = null;
        Double longest = null;
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT c.relname, GREATEST(c.reltuples, 0)::bigint,"
                    + " pg_table_size(c.oid), pg_indexes_size(c.oid), st.n_dead_tup,"
                    + " GREATEST(st.last_vacuum, st.last_autovacuum), GREATEST(st.last_analyze, st.last_autoanalyze)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " LEFT JOIN pg_stat_user_tables st ON st.relid = c.oid"
                    + " WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() ORDER BY c.relname")) {
                while (rs.next()) {
                    tables.add(new DatabaseStatistics.Table(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getObject(5, Long.class),
                            instant(rs.getTimestamp(6)),
                            instant(rs.getTimestamp(7))));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT relname, indexrelname, pg_relation_size(indexrelid), idx_scan"
                            + " FROM pg_stat_user_indexes WHERE schemaname = current_schema() ORDER BY relname, indexrelname")) {
                while (rs.next()) {
                    indexes.add(new DatabaseStatistics.Index(
                            rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT blks_hit::float8 / NULLIF(blks_hit + blks_read, 0)"
                    + " FROM pg_stat_database WHERE datname = current_database()")) {
                if (rs.next()) {
                    hit = rs.getObject(1, Double.class);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FILTER (WHERE state = 'active'),"
                    + " COUNT(*) FILTER (WHERE wait_event_type = 'Lock'),"
                    + " (MAX(EXTRACT(EPOCH FROM now() - query_start)) FILTER (WHERE state = 'active'))::float8"
                    + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                rs.next();
                active = rs.getInt(1);
                waiting = rs.getInt(2);
                longest = rs.getObject(3, Double.class);
            }
        }
        return new DatabaseStatistics(tables, indexes, hit, active, waiting, longest, Map.of());
    }

    @Override
    public void analyze(Connection c, String quotedTable) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE " + quotedTable);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
