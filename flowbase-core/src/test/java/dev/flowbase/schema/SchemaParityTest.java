package dev.flowbase.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestEngines;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core schema is the same on every engine: after migrating each one, the tables, columns
 * (equivalent types, same nullability), indexes, foreign keys and migration versions agree.
 */
class SchemaParityTest {
    private static final Map<Engine, TestDatabase> DATABASES = new EnumMap<>(Engine.class);
    private static final Map<Engine, Catalog> CATALOGS = new EnumMap<>(Engine.class);

    @BeforeAll
    static void migrateEveryEngine() {
        for (Engine engine : TestEngines.selected()) {
            TestDatabase test = TestDatabase.create(engine);
            DATABASES.put(engine, test);
            Database db = test.open();
            Migrator.configure().database(db).load().migrate();
            var catalog = CatalogReader.read(db);
            var tables = new TreeMap<>(catalog.tables());
            tables.remove(Migrator.DEFAULT_TABLE);
            // SQLite's full-text indexes are tables (fts_logs and the ones FTS5 makes for it).
            tables.keySet().removeIf(t -> t.startsWith("fts_"));
            CATALOGS.put(engine, new Catalog(tables));
        }
    }

    @AfterAll
    static void dropDatabases() {
        DATABASES.values().forEach(TestDatabase::close);
    }

    @Test
    void everyEngineFolderHasTheSameVersions() throws IOException, URISyntaxException {
        Path root = Path.of(SchemaParityTest.class.getResource("/db/migration").toURI());
        Map<String, Set<String>> versions = new TreeMap<>();
        for (Engine engine : Engine.values()) {
            try (Stream<Path> files = Files.list(root.resolve(engine.id()))) {
                versions.put(
                        engine.id(),
                        files.map(p -> p.getFileName().toString())
                                .filter(n -> n.matches("[VU]\\d.*"))
                                .map(n -> n.substring(0, n.indexOf("__")))
                                .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        assertThat(versions.values()).allSatisfy(v -> assertThat(v).isEqualTo(versions.get("postgresql")));
    }

    @Test
    void postgresqlAndMariadbHaveTheSameColumnsWithTypesThatReallyMatch() {
        assumeTrue(
                CATALOGS.containsKey(Engine.POSTGRESQL) && CATALOGS.containsKey(Engine.MARIADB),
                "compares PostgreSQL with MariaDB; this run has only " + CATALOGS.keySet());
        Map<Engine, Map<String, List<String>>> columns = new EnumMap<>(Engine.class);
        for (Engine engine : List.of(Engine.POSTGRESQL, Engine.MARIADB)) {
            columns.put(engine, describe(CATALOGS.get(engine), SchemaParityTest::serverFamily));
        }
        assertAllEqual(columns);
    }

    @Test
    void sqliteHasTheSameColumnsByStorageClassAndChecksItsJson() {
        Engine server = CATALOGS.containsKey(Engine.POSTGRESQL) ? Engine.POSTGRESQL : Engine.MARIADB;
        assumeTrue(
                CATALOGS.containsKey(Engine.SQLITE) && CATALOGS.containsKey(server),
                "compares SQLite with a server engine; this run has only " + CATALOGS.keySet());
        Map<String, List<String>> expected =
                describe(CATALOGS.get(server), (t, c) -> storageClassOf(serverFamily(t, c)));
        Map<String, List<String>> actual = describe(CATALOGS.get(Engine.SQLITE), SchemaParityTest::sqliteClass);

        assertThat(actual).isEqualTo(expected);
    }

    /** Per table, each column as {@code name family null|not null}, engine-only columns left out. */
    private static Map<String, List<String>> describe(
            Catalog catalog, BiFunction<Catalog.Table, Catalog.Column, String> family) {
        return catalog.tables().values().stream()
                .collect(Collectors.toMap(
                        Catalog.Table::name,
                        t -> t.columns().stream()
                                .filter(c -> !isEngineOnlyColumn(t.name(), c.name()))
                                .map(c -> c.name() + " " + family.apply(t, c) + (c.nullable() ? " null" : " not null"))
                                .sorted()
                                .toList()));
    }

    @Test
    void everyEngineHasTheSameIndexesAndPrimaryKeys() {
        Map<Engine, Set<String>> indexes = new EnumMap<>(Engine.class);
        CATALOGS.forEach((engine, catalog) -> indexes.put(
                engine,
                catalog.tables().values().stream()
                        .flatMap(t -> Stream.concat(
                                Stream.of(t.name() + " primary key " + t.primaryKey()),
                                t.indexes().stream()
                                        .filter(i -> !i.name().startsWith("idx_pg_"))
                                        // MariaDB's FULLTEXT indexes (V4): each engine indexes text its own way.
                                        .filter(i -> !i.name().startsWith("ftx_"))
                                        // SQLite names the indexes behind UNIQUE constraints itself.
                                        .map(i -> t.name()
                                                + (i.unique() ? " unique " : " " + i.name() + " ")
                                                + i.columns().stream()
                                                        .map(c -> isEngineOnlyColumn(t.name(), c) ? "key" : c)
                                                        .toList())))
                        .collect(Collectors.toCollection(TreeSet::new))));
        assertAllEqual(indexes);
    }

    @Test
    void everyEngineHasTheSameForeignKeys() {
        Map<Engine, Set<String>> keys = new EnumMap<>(Engine.class);
        CATALOGS.forEach((engine, catalog) -> keys.put(
                engine,
                catalog.tables().values().stream()
                        .flatMap(t -> t.foreignKeys().stream().map(f -> t.name() + " " + f.describe()))
                        .collect(Collectors.toCollection(TreeSet::new))));
        assertAllEqual(keys);
    }

    private static <T> void assertAllEqual(Map<Engine, T> byEngine) {
        assumeTrue(byEngine.size() >= 2, "needs two engines to compare; this run has only " + byEngine.keySet());
        byEngine.forEach((engine, value) -> assertThat(value)
                .as("%s compared with %s", engine, byEngine.keySet().iterator().next())
                .isEqualTo(byEngine.values().iterator().next()));
    }

    /**
     * MariaDB has no partial unique index: a unique index on a virtual column stands in for
     * PostgreSQL's and SQLite's unique (key) WHERE organization_id IS NULL (see its V1).
     */
    private static boolean isEngineOnlyColumn(String table, String column) {
        return (table.equals("configurations") && column.equals("global_key"))
                // MariaDB's case-insensitive copy of the searched text (V4).
                || column.equals("search_text");
    }

    /**
     * Types that hold the same values on the two server engines, sizes included: MariaDB's UUID is
     * PostgreSQL's uuid, DATETIME(6) (UTC by Flowbase's convention) is timestamptz, and a LONGTEXT
     * with a json_valid check (what MariaDB's JSON is) is jsonb. A varchar on one side and a
     * timestamptz on the other no longer pass.
     */
    private static String serverFamily(Catalog.Table table, Catalog.Column column) {
        String type = column.type().toLowerCase(Locale.ROOT);
        String base = type.replaceAll("\\(.*", "");
        String size = type.contains("(") ? type.substring(type.indexOf('(')) : "";
        return switch (base) {
            case "uuid" -> "uuid";
            case "varchar", "character varying" -> "varchar" + size;
            case "char", "bpchar" -> "char" + size;
            case "text", "mediumtext" -> "text";
            case "longtext" -> hasJsonCheck(table, column.name()) ? "json" : "text";
            case "jsonb", "json" -> "json";
            case "timestamptz", "datetime" -> "timestamp";
            case "int", "int4", "integer" -> "integer";
            case "bigint", "int8" -> "bigint";
            case "smallint", "int2" -> "smallint";
            case "bool", "boolean", "tinyint" -> "boolean";
            case "float8", "double", "double precision" -> "double";
            case "numeric", "decimal" -> "decimal" + size;
            default -> type;
        };
    }

    /** What SQLite stores a server family as; JSON must also carry a json_valid check there (see below). */
    private static String storageClassOf(String family) {
        return switch (family.replaceAll("\\(.*", "")) {
            case "integer", "bigint", "smallint", "boolean" -> "integer";
            case "double" -> "real";
            case "decimal" -> "numeric";
            case "json" -> "text+json_valid";
            default -> "text";
        };
    }

    private static String sqliteClass(Catalog.Table table, Catalog.Column column) {
        String type = column.type().toLowerCase(Locale.ROOT).replaceAll("\\(.*", "");
        String storage = switch (type) {
            case "integer", "int", "bigint", "boolean" -> "integer";
            case "real", "double", "float" -> "real";
            case "numeric", "decimal" -> "numeric";
            default -> "text";
        };
        return storage.equals("text") && hasJsonCheck(table, column.name()) ? "text+json_valid" : storage;
    }

    /** A CHECK that validates the column as JSON: MariaDB adds one to JSON columns, Flowbase to SQLite's. */
    private static boolean hasJsonCheck(Catalog.Table table, String column) {
        Pattern json = Pattern.compile(
                "json_valid\\s*\\(\\s*[`\"]?" + Pattern.quote(column) + "[`\"]?\\s*\\)", Pattern.CASE_INSENSITIVE);
        return table.checks().stream()
                .anyMatch(c -> json.matcher(c.expression()).find());
    }
}
