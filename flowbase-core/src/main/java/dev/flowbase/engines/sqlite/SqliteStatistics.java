package dev.flowbase.engines.sqlite;

import dev.flowbase.db.DatabaseStatistics;
import dev.flowbase.db.StatisticsQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLite's figures: row estimates from {@code sqlite_stat1} (after ANALYZE), sizes from the
 * {@code dbstat} table, the page and freelist counts, and the size of the write-ahead log. One
 * process's embedded file has no sessions and no cache-hit ratio to report.
 */
final class SqliteStatistics implements StatisticsQueries {

    @Override
    public DatabaseStatistics read(Connection c) throws SQLException {
        Map<String, String> indexTable = new HashMap<>();
        List<String> names = new ArrayList<>();
        Map<String, Long> rows = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        Map<String, Long> figures = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT type, name, tbl_name FROM sqlite_schema"
                    + " WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    if (rs.getString(1).equals("table")) {
                        names.add(rs.getString(2));
                    } else {
                        indexTable.put(rs.getString(2), rs.getString(3));
                    }
                }
            }
            if (hasStatistics(c)) {
                try (ResultSet rs = s.executeQuery("SELECT tbl, stat FROM sqlite_stat1")) {
                    while (rs.next()) {
                        String first = rs.getString(2).split(" ")[0];
                        rows.merge(rs.getString(1), Long.parseLong(first), Math::max);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name")) {
                while (rs.next()) {
                    bytes.put(rs.getString(1), rs.getLong(2));
                }
            } catch (SQLException noDbstat) {
                bytes.clear(); // a build without the dbstat table: no sizes
            }
            for (String pragma : List.of("page_count", "freelist_count", "page_size")) {
                try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
                    figures.put(pragma, rs.next() ? rs.getLong(1) : 0);
                }
            }
            try (ResultSet rs = s.executeQuery("PRAGMA database_list")) {
                String file = rs.next() ? rs.getString("file") : "";
                figures.put("wal_bytes", walBytes(file));
            }
        }
        List<DatabaseStatistics.Table> tables = new ArrayList<>();
        List<DatabaseStatistics.Index> indexes = new ArrayList<>();
        Map<String, Long> indexBytes = new HashMap<>();
        indexTable.forEach((index, table) -> {
            indexes.add(new DatabaseStatistics.Index(table, index, bytes.get(index), null));
            if (bytes.containsKey(index)) {
                indexBytes.merge(table, bytes.get(index), Long::sum);
            }
        });
        for (String name : names) {
            tables.add(new DatabaseStatistics.Table(
                    name, rows.get(name), bytes.get(name), indexBytes.get(name), null, null, null));
        }
        indexes.sort(
                Comparator.comparing(DatabaseStatistics.Index::table).thenComparing(DatabaseStatistics.Index::name));
        return new DatabaseStatistics(tables, indexes, null, null, null, null, figures);
    }

    @Override
    public void analyze(Connection c, String quotedTable) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE " + quotedTable);
        }
    }

    /** Whether ANALYZE has ever run here (it creates sqlite_stat1). */
    private static boolean hasStatistics(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'")) {
            return rs.next();
        }
    }

    private static long walBytes(String file) {
        if (file == null || file.isEmpty()) {
            return 0; // in memory
        }
        try {
            Path wal = Path.of(file + "-wal");
            return Files.exists(wal) ? Files.size(wal) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
