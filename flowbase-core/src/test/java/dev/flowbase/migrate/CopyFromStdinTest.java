package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.count;
import static dev.flowbase.migrate.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Data migrations written for psql, as pg_dump writes them: COPY … FROM stdin, rows, then a \. line. */
class CopyFromStdinTest {
    @TempDir
    Path dir;

    @EngineTest
    void aPgDumpStyleCopyLoadsItsRowsAndCountsAsOneStatement(Database db) throws Exception {
        assumeThat(db.engine()).isEqualTo(Engine.POSTGRESQL);
        write(dir.resolve("V1__agents.sql"), """
                CREATE TABLE agents (id integer PRIMARY KEY, name text, prompt text);
                COPY agents (id, name, prompt) FROM stdin;
                1\tplanner\tPlan the work; then stop.
                2\tcoder\t\\N
                3\treviewer\tSays "no"\\ttabbed
                \\.
                INSERT INTO agents VALUES (4, 'after', NULL);
                """);

        MigrateResult result = Fixtures.migrator(db, dir).migrate();

        assertThat(result.executed())
                .singleElement()
                .satisfies(s -> assertThat(s.statements()).isEqualTo(3));
        assertThat(count(db, "SELECT count(*) FROM agents")).isEqualTo(4);
        assertThat(count(db, "SELECT count(*) FROM agents WHERE prompt IS NULL"))
                .isEqualTo(2);
        assertThat(count(db, "SELECT count(*) FROM agents WHERE prompt = 'Says \"no\"' || chr(9) || 'tabbed'"))
                .isEqualTo(1);
    }

    @EngineTest
    void aCopyInANoTransactionScriptCommitsWithItsProgress(Database db) throws Exception {
        assumeThat(db.engine()).isEqualTo(Engine.POSTGRESQL);
        write(
                dir.resolve("V1__rows.sql"),
                Script.NO_TRANSACTION + "\nCREATE TABLE r (n integer);\nCOPY r (n) FROM stdin;\n1\n2\n\\.\n");

        Fixtures.migrator(db, dir).migrate();

        assertThat(count(db, "SELECT sum(n) FROM r")).isEqualTo(3);
    }
}
