package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.catalog;
import static dev.flowbase.migrate.Fixtures.migrator;
import static dev.flowbase.migrate.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** migrate clean: the history first, then every object, whatever depends on what. */
class CleanTest {
    @TempDir
    Path dir;

    /** Tables that reference each other, a view over them, and each engine's own kinds of object. */
    private void objectsOfEveryKind() throws Exception {
        for (String engine : new String[] {"postgresql", "mariadb", "sqlite"}) {
            Files.createDirectories(dir.resolve(engine));
            write(dir.resolve(engine).resolve("V1__tables.sql"), """
                    CREATE TABLE parent (id INTEGER PRIMARY KEY);
                    CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));
                    INSERT INTO parent (id) VALUES (1);
                    INSERT INTO child (id, parent_id) VALUES (1, 1);
                    CREATE VIEW child_view AS SELECT id FROM child;
                    """);
        }
        write(dir.resolve("postgresql").resolve("V2__more.sql"), """
                CREATE TYPE mood AS ENUM ('calm', 'busy');
                CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
                CREATE SEQUENCE ticket_numbers;
                CREATE FUNCTION answer() RETURNS integer LANGUAGE sql AS $$ SELECT 42 $$;
                CREATE MATERIALIZED VIEW parent_count AS SELECT count(*) AS n FROM parent;
                """);
        write(dir.resolve("mariadb").resolve("V2__more.sql"), """
                CREATE SEQUENCE ticket_numbers;
                CREATE FUNCTION answer() RETURNS INT DETERMINISTIC RETURN 42;
                """);
        write(dir.resolve("sqlite").resolve("V2__more.sql"), """
                CREATE TRIGGER child_touch AFTER UPDATE ON child BEGIN SELECT 1; END;
                CREATE INDEX child_parent ON child (parent_id);
                """);
    }

    @EngineTest
    void cleanDropsTheHistoryFirstThenEveryObjectAndTheSetMigratesAgainFromNothing(Database db) throws Exception {
        objectsOfEveryKind();
        migrator(db, dir).migrate();

        CleanResult cleaned = migrator(db, dir).clean();

        assertThat(cleaned.dropped().get(0)).isEqualTo("table test_history");
        assertThat(cleaned.dropped()).contains("table parent", "table child", "view child_view");
        // SQLite's driver lists its own catalog's columns too; they are not the migrations' objects.
        assertThat(catalog(db)).filteredOn(line -> !line.startsWith("sqlite_")).isEmpty();
        assertThat(migrator(db, dir).migrate().executed()).hasSize(2);
    }
}
