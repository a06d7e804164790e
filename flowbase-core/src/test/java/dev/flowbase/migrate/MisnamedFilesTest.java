package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.copy;
import static dev.flowbase.migrate.Fixtures.migrator;
import static dev.flowbase.migrate.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** File names as Flyway reads them, every misnamed one reported at once, none echoed raw. */
class MisnamedFilesTest {
    @TempDir
    Path dir;

    @EngineTest
    void aDescriptionInAnyScriptIsAccepted(Database db) throws Exception {
        copy("basic", dir);
        write(dir.resolve("V4__ünï cødé.sql"), "CREATE TABLE unicode_named (id INTEGER);\n");

        Migrator m = migrator(db, dir);
        m.migrate();

        assertThat(Fixtures.tables(db)).contains("unicode_named");
        assertThat(m.status().entries()).extracting(StatusEntry::description).contains("ünï cødé");
    }

    @EngineTest
    void everyMisnamedFileIsReportedAtOnceAndNothingRuns(Database db) throws Exception {
        copy("basic", dir);
        write(dir.resolve("V5_one_underscore.sql"), "SELECT 1;");
        write(dir.resolve("X6__wrong_prefix.sql"), "SELECT 1;");
        write(dir.resolve("V7__.sql"), "SELECT 1;");

        var e = catchThrowableOfType(
                FlowbaseException.class, () -> migrator(db, dir).migrate());

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(e.getMessage())
                .contains("V5_one_underscore.sql")
                .contains("X6__wrong_prefix.sql")
                .contains("V7__.sql")
                .contains("misnamed");
        assertThat(Fixtures.tables(db)).doesNotContain("items");
    }

    @EngineTest
    void controlCharactersInAFileNameAreEscapedInTheMessage(Database db) throws Exception {
        copy("basic", dir);
        write(dir.resolve("V8\n\u001b[31mred.sql"), "SELECT 1;");

        var e = catchThrowableOfType(
                FlowbaseException.class, () -> migrator(db, dir).migrate());

        assertThat(e.getMessage())
                .contains("V8\\n\\u001b[31mred.sql")
                .doesNotContain("\u001b")
                .doesNotContain("V8\n");
    }
}
