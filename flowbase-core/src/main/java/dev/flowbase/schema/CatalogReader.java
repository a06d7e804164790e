package dev.flowbase.schema;

import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads a {@link Catalog} through JDBC metadata, with each engine's {@link CatalogQueries} for the rest. */
public final class CatalogReader {
    private CatalogReader() {}

    public static Catalog read(Database database) {
        CatalogQueries queries = CatalogQueries.forEngine(database.engine());
        try (Connection c = database.connection()) {
            DatabaseMetaData meta = c.getMetaData();
            String catalog = c.getCatalog();
            String schema = c.getSchema();
            Map<String, List<Catalog.Check>> checks = queries.checks(c);
            Map<String, Catalog.Table> tables = new TreeMap<>();
            for (String table : tableNames(meta, catalog, schema)) {
                if (queries.isSystemTable(table)) {
                    continue;
                }
                Set<String> foreignKeyNames = new HashSet<>();
                List<Catalog.ForeignKey> foreignKeys = foreignKeys(meta, catalog, schema, table, foreignKeyNames);
                List<String> primaryKey = primaryKey(meta, catalog, schema, table);
                tables.put(
                        lower(table),
                        new Catalog.Table(
                                lower(table),
                                columns(meta, catalog, schema, table),
                                primaryKey,
                                indexes(meta, catalog, schema, table, queries, foreignKeyNames).stream()
                                        .filter(i -> !(i.unique() && i.columns().equals(primaryKey)))
                                        .toList(),
                                foreignKeys,
                                checks.getOrDefault(lower(table), List.of()).stream()
                                        .sorted(Comparator.comparing(Catalog.Check::name))
                                        .toList()));
            }
            return new Catalog(tables);
        } catch (SQLException e) {
            throw SqlErrors.statement(database.dialect(), "Reading the schema catalog", e);
        }
    }

    private static List<String> tableNames(DatabaseMetaData meta, String catalog, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static List<Catalog.Column> columns(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        List<Catalog.Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                String type = lower(rs.getString("TYPE_NAME"));
                int size = rs.getInt("COLUMN_SIZE");
                boolean sized = type.contains("char") || type.equals("decimal") || type.equals("numeric");
                columns.add(new Catalog.Column(
                        lower(rs.getString("COLUMN_NAME")),
                        sized && size > 0 ? type + "(" + size + ")" : type,
                        "YES".equals(rs.getString("IS_NULLABLE")),
                        rs.getString("COLUMN_DEF")));
            }
        }
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        Map<Short, String> columns = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                columns.put(rs.getShort("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
            }
        }
        return List.copyOf(columns.values());
    }

    private static List<Catalog.Index> indexes(
            DatabaseMetaData meta,
            String catalog,
            String schema,
            String table,
            CatalogQueries queries,
            Set<String> foreignKeyNames)
            throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null || queries.isImplicit(name, foreignKeyNames)) {
                    continue;
                }
                int position = rs.getInt("ORDINAL_POSITION");
                List<String> cols = columns.computeIfAbsent(lower(name), n -> new ArrayList<>());
                String column = rs.getString("COLUMN_NAME");
                while (cols.size() < position) {
                    cols.add(null);
                }
                cols.set(position - 1, column == null ? "(expression)" : lower(column));
                unique.put(lower(name), !rs.getBoolean("NON_UNIQUE"));
            }
        }
        return columns.entrySet().stream()
                .map(e -> new Catalog.Index(e.getKey(), e.getValue(), unique.get(e.getKey())))
                .toList();
    }

    private static List<Catalog.ForeignKey> foreignKeys(
            DatabaseMetaData meta, String catalog, String schema, String table, Set<String> names) throws SQLException {
        Map<String, List<String[]>> byKey = new LinkedHashMap<>();
        Map<String, String[]> heads = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                String target = lower(rs.getString("PKTABLE_NAME"));
                String name = rs.getString("FK_NAME");
                // SQLite leaves foreign keys unnamed; its key sequence restarts at 1 for each one.
                String key = (name == null || name.isEmpty() ? target : name) + "#"
                        + (rs.getInt("KEY_SEQ") == 1 ? byKey.size() : byKey.size() - 1);
                if (name != null) {
                    names.add(name);
                }
                byKey.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new String[] {lower(rs.getString("FKCOLUMN_NAME")), lower(rs.getString("PKCOLUMN_NAME"))});
                heads.putIfAbsent(key, new String[] {target, deleteRule(rs.getShort("DELETE_RULE"))});
            }
        }
        return byKey.entrySet().stream()
                .map(e -> new Catalog.ForeignKey(
                        e.getValue().stream().map(p -> p[0]).toList(),
                        heads.get(e.getKey())[0],
                        e.getValue().stream().map(p -> p[1]).toList(),
                        heads.get(e.getKey())[1]))
                .sorted(Comparator.comparing(Catalog.ForeignKey::describe))
                .toList();
    }

    private static String deleteRule(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "cascade";
            case DatabaseMetaData.importedKeySetNull -> "set null";
            case DatabaseMetaData.importedKeySetDefault -> "set default";
            case DatabaseMetaData.importedKeyRestrict -> "restrict";
            default -> "no action";
        };
    }

    public static Map<String, List<Catalog.Check>> groupChecks(ResultSet rs) throws SQLException {
        Map<String, List<Catalog.Check>> checks = new TreeMap<>();
        while (rs.next()) {
            checks.computeIfAbsent(lower(rs.getString(1)), t -> new ArrayList<>())
                    .add(new Catalog.Check(lower(rs.getString(2)), rs.getString(3)));
        }
        return checks;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
