package dev.flowbase.engines.sqlite;

import dev.flowbase.schema.Catalog;
import dev.flowbase.schema.CatalogQueries;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite keeps no check catalog: checks are read from each table's CREATE statement. Named ones keep
 * their name; a column's own unnamed check is named after the column, as MariaDB names the check of
 * a JSON column, so that dropping one shows up in schema validation.
 */
final class SqliteCatalogQueries implements CatalogQueries {
    private static final Pattern NAMED_CHECK =
            Pattern.compile("CONSTRAINT\\s+\"?(\\w+)\"?\\s+CHECK\\s*\\(", Pattern.CASE_INSENSITIVE);

    @Override
    public Map<String, List<Catalog.Check>> checks(Connection connection) throws SQLException {
        Map<String, List<Catalog.Check>> checks = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                String table = rs.getString(1).toLowerCase(Locale.ROOT);
                String sql = rs.getString(2);
                Matcher m = NAMED_CHECK.matcher(sql == null ? "" : sql);
                List<Catalog.Check> found = new ArrayList<>();
                while (m.find()) {
                    found.add(new Catalog.Check(m.group(1).toLowerCase(Locale.ROOT), balanced(sql, m.end() - 1)));
                }
                found.addAll(columnChecks(sql == null ? "" : sql));
                checks.put(table, found);
            }
        }
        return checks;
    }

    private static final Pattern CHECK = Pattern.compile("\\bCHECK\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMN_START = Pattern.compile("^\\s*\"?(\\w+)\"?\\s");
    private static final Set<String> TABLE_CONSTRAINTS = Set.of("constraint", "primary", "unique", "foreign", "check");

    /** The unnamed checks inside column definitions, each named after its column. */
    private static List<Catalog.Check> columnChecks(String sql) {
        List<Catalog.Check> found = new ArrayList<>();
        int depth = 0;
        int segment = -1;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' && depth++ == 0 || c == ',' && depth == 1) {
                segment = i + 1; // a column or table constraint starts after "(" or ","
            } else if (c == ')') {
                depth--;
            } else if (depth == 1 && CHECK.matcher(sql).region(i, sql.length()).lookingAt()) {
                Matcher column = COLUMN_START.matcher(sql.substring(segment, i));
                if (column.find() && !TABLE_CONSTRAINTS.contains(column.group(1).toLowerCase(Locale.ROOT))) {
                    int open = sql.indexOf('(', i);
                    found.add(new Catalog.Check(column.group(1).toLowerCase(Locale.ROOT), balanced(sql, open)));
                }
            }
        }
        return found;
    }

    /** The parenthesised expression starting at {@code open}, quotes respected. */
    private static String balanced(String sql, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return sql.substring(open + 1, i).strip();
            }
        }
        return sql.substring(open + 1).strip();
    }

    /** Unique constraints show as sqlite_autoindex_* indexes: kept, since they are the schema's. */
    @Override
    public boolean isImplicit(String indexName, Set<String> foreignKeyNames) {
        return false;
    }

    @Override
    public boolean isSystemTable(String table) {
        return table.startsWith("sqlite_");
    }
}
