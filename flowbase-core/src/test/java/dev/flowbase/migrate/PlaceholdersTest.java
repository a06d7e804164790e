package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.count;
import static dev.flowbase.migrate.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** ${name} in scripts, replaced before they run, as Flyway users expect; checksums ignore the values. */
class PlaceholdersTest {
    @TempDir
    Path dir;

    private Migrator migrator(Database db, Map<String, String> values) {
        return Fixtures.migrator(db, dir, values);
    }

    @EngineTest
    void valuesAndBuiltInsAreReplacedBeforeTheScriptRuns(Database db) throws Exception {
        write(
                dir.resolve("V1__notes.sql"),
                "CREATE TABLE ${prefix}notes (body VARCHAR(200));\n"
                        + "INSERT INTO ${prefix}notes (body) VALUES ('${flowbase:filename} into ${flowbase:table}');\n");

        migrator(db, Map.of("prefix", "acme_")).migrate();

        assertThat(count(db, "SELECT count(*) FROM acme_notes WHERE body = 'V1__notes.sql into test_history'"))
                .isEqualTo(1);
    }

    @EngineTest
    void anUnknownPlaceholderNamesFileAndLineAndNothingRuns(Database db) throws Exception {
        write(dir.resolve("V1__a.sql"), "CREATE TABLE a (id INTEGER);\n");
        write(dir.resolve("V2__b.sql"), "CREATE TABLE b (id INTEGER);\n\nINSERT INTO b VALUES (${missing});\n");

        var e = catchThrowableOfType(
                FlowbaseException.class, () -> migrator(db, Map.of()).migrate());

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(e.getMessage())
                .contains("V2__b.sql")
                .contains("line 3")
                .contains("${missing}")
                .contains("--placeholder missing=");
        assertThat(Fixtures.tables(db)).doesNotContain("a", "b");
    }

    @EngineTest
    void anEscapedPlaceholderAndAFileThatSwitchesThemOffKeepTheTextAsWritten(Database db) throws Exception {
        write(
                dir.resolve("V1__escaped.sql"),
                "CREATE TABLE t (body VARCHAR(100));\nINSERT INTO t (body) VALUES ('$${literal}');\n");
        write(
                dir.resolve("V2__off.sql"),
                "-- A template the application fills in itself\n" + Placeholders.OFF + "\n"
                        + "INSERT INTO t (body) VALUES ('${name} and $${other}');\n");

        migrator(db, Map.of()).migrate();

        assertThat(count(db, "SELECT count(*) FROM t WHERE body = '${literal}'"))
                .isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM t WHERE body = '${name} and $${other}'"))
                .isEqualTo(1);
    }

    @EngineTest
    void anotherValueLaterIsNotDrift(Database db) throws Exception {
        write(dir.resolve("V1__t.sql"), "CREATE TABLE ${prefix}t (id INTEGER);\n");
        migrator(db, Map.of("prefix", "blue_")).migrate();

        Migrator green = migrator(db, Map.of("prefix", "green_"));

        assertThat(green.validate().ok()).isTrue();
        assertThat(green.status().entries()).extracting(StatusEntry::state).containsExactly("success");
        assertThat(green.migrate().upToDate()).isTrue();
    }

    @EngineTest
    void aNameThatCannotBeAPlaceholderIsRefused(Database db) {
        var e = catchThrowableOfType(FlowbaseException.class, () -> migrator(db, Map.of("has space", "x")));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("'has space'");
    }
}
