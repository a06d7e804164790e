package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.count;
import static dev.flowbase.migrate.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule, read left to right: a dollar-quote delimiter ({@code $$}, {@code $fn$}) is left alone,
 * {@code $${name}} is the text {@code ${name}}, and {@code ${name}} is a placeholder, so the escape
 * never eats a quote and a placeholder inside one is replaced or missing like any other.
 */
class PlaceholdersBesideDollarQuotesTest {
    @TempDir
    Path dir;

    private Migrator migrator(Database db, Map<String, String> values) {
        return Fixtures.migrator(db, dir, values);
    }

    @EngineTest
    void aMissingPlaceholderRightAfterADollarQuoteIsAnError(Database db) throws Exception {
        assumeThat(db.engine()).isEqualTo(Engine.POSTGRESQL);
        write(dir.resolve("V1__t.sql"), "CREATE TABLE t (body TEXT);\nINSERT INTO t VALUES ($$${missing}$$);\n");

        var e = catchThrowableOfType(
                FlowbaseException.class, () -> migrator(db, Map.of()).migrate());

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(e.getMessage()).contains("V1__t.sql").contains("line 2").contains("${missing}");
        assertThat(Fixtures.tables(db)).doesNotContain("t");
    }

    @EngineTest
    void placeholdersInsidePlainAndTaggedDollarQuotesAreReplaced(Database db) throws Exception {
        assumeThat(db.engine()).isEqualTo(Engine.POSTGRESQL);
        write(
                dir.resolve("V1__t.sql"),
                "CREATE TABLE t (body TEXT);\n"
                        + "INSERT INTO t VALUES ($$${who}$$), ($fn$${flowbase:table}$fn$), ($$$${who}$$);\n");

        migrator(db, Map.of("who", "ada")).migrate();

        assertThat(count(db, "SELECT count(*) FROM t WHERE body = 'ada'")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM t WHERE body = 'test_history'"))
                .isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM t WHERE body = '${who}'")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM t")).isEqualTo(3);
    }

    @EngineTest
    void theBuiltInUserRightAfterADollarQuoteIsItsValue(Database db) throws Exception {
        assumeThat(db.engine()).isEqualTo(Engine.POSTGRESQL);
        write(dir.resolve("V1__t.sql"), "CREATE TABLE t (body TEXT);\nINSERT INTO t VALUES ($$${flowbase:user}$$);\n");

        migrator(db, Map.of()).migrate();

        assertThat(count(db, "SELECT count(*) FROM t WHERE body = current_user"))
                .isEqualTo(1);
    }

    @EngineTest
    void inStringsTheEscapeAndThePlaceholderWorkOnEveryEngine(Database db) throws Exception {
        write(
                dir.resolve("V1__t.sql"),
                "CREATE TABLE t (body VARCHAR(100));\n"
                        + "INSERT INTO t (body) VALUES ('${who}'), ('$${who}'), ('$$${who}');\n");

        migrator(db, Map.of("who", "ada")).migrate();

        assertThat(count(db, "SELECT count(*) FROM t WHERE body = 'ada'")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM t WHERE body = '${who}'")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM t WHERE body = '$$ada'")).isEqualTo(1);
    }
}
