package dev.flowbase.schema;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
            var tables = new java.util.TreeMap<>(catalog.tables());
            tables.remove(Migrator.DEFAULT_TABLE);
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
        Map<String, Set<String>> versions = new java.util.TreeMap<>();
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
    void everyEngineHasTheSameTablesAndColumns() {
        Map<Engine, Map<String, List<String>>> columns = new EnumMap<>(Engine.class);
        CATALOGS.forEach((engine, catalog) -> columns.put(
                engine,
                catalog.tables().values().stream()
                        .collect(Collectors.toMap(
                                Catalog.Table::name,
                                t -> t.columns().stream()
                                        .filter(c -> !isEngineOnlyColumn(t.name(), c.name()))
                                        .map(c -> c.name() + " " + family(engine, c.type())
                                                + (c.nullable() ? " null" : " not null"))
                                        .sorted()
                                        .toList()))));
        assertAllEqual(columns);
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
        byEngine.forEach((engine, value) -> assertThat(value)
                .as("%s compared with %s", engine, byEngine.keySet().iterator().next())
                .isEqualTo(byEngine.values().iterator().next()));
    }

    /**
     * MariaDB has no partial unique index: a unique index on a virtual column stands in for
     * PostgreSQL's and SQLite's unique (key) WHERE organization_id IS NULL (see its V1).
     */
    private static boolean isEngineOnlyColumn(String table, String column) {
        return table.equals("configurations") && column.equals("global_key");
    }

    /**
     * Types that hold the same values: SQLite stores uuid, JSON and times as TEXT, booleans as
     * INTEGER, so it is compared by storage class.
     */
    private static String family(Engine engine, String type) {
        String t = type.replaceAll("\\(.*", "");
        String family = switch (t) {
            case "uuid", "varchar", "text", "longtext", "mediumtext", "char", "bpchar" -> "text";
            case "jsonb", "json" -> "json";
            case "timestamptz", "datetime", "timestamp" -> "time";
            case "int", "int4", "integer", "bigint", "int8", "smallint", "int2", "serial", "bigserial" -> "integer";
            case "bool", "boolean", "tinyint" -> "boolean";
            case "float8", "double", "double precision", "real", "float4", "float" -> "real";
            case "numeric", "decimal" -> "decimal";
            default -> t;
        };
        if (engine == Engine.SQLITE || CATALOGS.containsKey(Engine.SQLITE)) {
            return switch (family) {
                case "json", "time" -> "text";
                case "boolean" -> "integer";
                default -> family;
            };
        }
        return family;
    }
}
