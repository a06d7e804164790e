package dev.flowbase.schema;

import static dev.flowbase.testing.TestSql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import java.util.List;

/** Reading a schema back, and naming what changed, the same way on every engine. */
class CatalogReaderTest {

    private static void createSchema(Database db) {
        exec(
                db,
                "CREATE TABLE teams (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL,"
                        + " CONSTRAINT uq_teams_name UNIQUE (name))",
                "CREATE TABLE people (id INT NOT NULL PRIMARY KEY, team_id INT,"
                        + " status VARCHAR(10) NOT NULL DEFAULT 'on',"
                        + " CONSTRAINT ck_people_status CHECK (status IN ('on', 'off')),"
                        + " CONSTRAINT fk_people_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE)",
                "CREATE INDEX idx_people_team_status ON people (team_id, status)",
                "CREATE INDEX idx_people_status ON people (status)");
    }

    @EngineTest
    void readsTablesColumnsIndexesForeignKeysAndChecks(Database db) {
        createSchema(db);

        Catalog catalog = CatalogReader.read(db);

        assertThat(catalog.tables()).containsOnlyKeys("teams", "people");
        Catalog.Table people = catalog.table("people").orElseThrow();
        assertThat(people.primaryKey()).containsExactly("id");
        assertThat(people.columns()).extracting(Catalog.Column::name).containsExactly("id", "team_id", "status");
        assertThat(people.column("status").orElseThrow().nullable()).isFalse();
        assertThat(people.column("team_id").orElseThrow().nullable()).isTrue();
        assertThat(people.indexes())
                .contains(new Catalog.Index("idx_people_team_status", List.of("team_id", "status"), false));
        assertThat(people.foreignKeys())
                .containsExactly(new Catalog.ForeignKey(List.of("team_id"), "teams", List.of("id"), "cascade"));
        assertThat(people.checks()).extracting(Catalog.Check::name).containsExactly("ck_people_status");
        assertThat(catalog.table("teams").orElseThrow().indexes())
                .filteredOn(Catalog.Index::unique)
                .extracting(Catalog.Index::columns)
                .containsExactly(List.of("name"));
    }

    @EngineTest
    void aSchemaComparedWithItselfHasNoDifferences(Database db) {
        createSchema(db);

        assertThat(SchemaDiff.compare(CatalogReader.read(db), CatalogReader.read(db)))
                .isEmpty();
    }

    @EngineTest
    void aDroppedIndexAndAnAddedTableAreNamedExactly(Database db) {
        createSchema(db);
        Catalog expected = CatalogReader.read(db);
        String dropIndex = switch (db.engine()) {
            case MARIADB -> "DROP INDEX idx_people_status ON people";
            case POSTGRESQL, SQLITE -> "DROP INDEX idx_people_status";
        };
        exec(db, dropIndex, "CREATE TABLE stray (x INT)");

        assertThat(SchemaDiff.compare(expected, CatalogReader.read(db)))
                .extracting(SchemaDifference::describe)
                .containsExactly(
                        "people: missing index idx_people_status (status)",
                        "stray: extra table (not made by any migration)");
    }
}
