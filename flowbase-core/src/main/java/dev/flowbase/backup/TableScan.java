package dev.flowbase.backup;

import dev.flowbase.db.Dialect;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Streams the rows of one table as Java values ({@link Values}). A table that references itself is
 * read parents first (a recursive walk from the rows without a parent), so that a restore can insert
 * rows in the order they come while the foreign key is checked.
 */
final class TableScan {
    interface RowSink {
        void row(Object[] row) throws IOException;
    }

    private TableScan() {}

    static long scan(
            Connection c, BackupSql sql, Dialect dialect, TableSpec spec, List<String> primaryKey, RowSink sink)
            throws SQLException, IOException {
        List<Column> columns = spec.columns();
        long n = 0;
        try (Statement s = sql.streamingStatement(c);
                ResultSet rs = s.executeQuery(select(dialect, spec, primaryKey))) {
            while (rs.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = Values.read(rs, i + 1, columns.get(i).kind(), dialect);
                }
                sink.row(row);
                n++;
            }
        }
        return n;
    }

    /** Only the rows of {@code selection}, in no particular order. */
    static long scan(Connection c, BackupSql sql, Dialect dialect, TableSpec spec, RowSelection selection, RowSink sink)
            throws SQLException, IOException {
        List<Column> columns = spec.columns();
        long n = 0;
        try (PreparedStatement s = c.prepareStatement(
                select(dialect, spec, List.of()) + " WHERE " + selection.where(),
                ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(sql.fetchRows());
            selection.bind(s, dialect);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = Values.read(rs, i + 1, columns.get(i).kind(), dialect);
                    }
                    sink.row(row);
                    n++;
                }
            }
        }
        return n;
    }

    static String select(Dialect d, TableSpec spec, List<String> primaryKey) {
        String table = d.quoteIdentifier(spec.name());
        if (spec.selfReference() == null || primaryKey.size() != 1) {
            return "SELECT "
                    + spec.columns().stream()
                            .map(c -> d.quoteIdentifier(c.name()))
                            .collect(Collectors.joining(", ")) + " FROM " + table;
        }
        String id = d.quoteIdentifier(primaryKey.get(0));
        String parent = d.quoteIdentifier(spec.selfReference());
        return "WITH RECURSIVE fb_tree (fb_id, fb_depth) AS ("
                + "SELECT " + id + ", 0 FROM " + table + " WHERE " + parent + " IS NULL"
                + " UNION ALL SELECT c." + id + ", p.fb_depth + 1 FROM " + table + " c JOIN fb_tree p ON c." + parent
                + " = p.fb_id) SELECT "
                + spec.columns().stream()
                        .map(c -> "t." + d.quoteIdentifier(c.name()))
                        .collect(Collectors.joining(", "))
                + " FROM " + table + " t JOIN fb_tree ON t." + id + " = fb_tree.fb_id ORDER BY fb_tree.fb_depth";
    }
}
