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
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Drift detection: edited files, line-end-only changes, missing files and out-of-order versions. */
class ValidateTest {
    @TempDir
    Path dir;

    @EngineTest
    void anEditedAppliedFileFailsValidationNamingTheFileUntilRepaired(Database db) throws Exception {
        Migrator m = migrator(db, copy("basic", dir));
        m.migrate();
        Path v1 = dir.resolve("V1__create_items.sql");
        write(v1, Files.readString(v1) + "-- an afterthought\n");

        ValidateResult result = m.validate();

        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .singleElement()
                .asString()
                .contains("V1__create_items.sql (")
                .contains("has changed since it was applied");
        assertThat(catchThrowableOfType(FlowbaseException.class, m::migrate).code())
                .isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(m.repair().changes()).singleElement().asString().contains("V1__create_items.sql");
        assertThat(m.validate().ok()).isTrue();
    }

    @EngineTest
    void crlfLineEndsAndAByteOrderMarkAreNotAChange(Database db) throws Exception {
        Migrator m = migrator(db, copy("basic", dir));
        m.migrate();
        Path v1 = dir.resolve("V1__create_items.sql");
        write(v1, "\uFEFF" + Files.readString(v1).replace("\n", "\r\n"));

        assertThat(m.validate().ok()).isTrue();
    }

    @EngineTest
    void aMissingAppliedFileAndAnOutOfOrderVersionAreReported(Database db) throws Exception {
        Migrator m = migrator(db, copy("basic", dir));
        m.migrate();
        Files.delete(dir.resolve("V1.10__create_notes.sql"));
        Files.delete(dir.resolve("U1.10__create_notes.sql"));
        write(dir.resolve("V1.5__late.sql"), "CREATE TABLE late (id INTEGER);\n");

        ValidateResult result = m.validate();

        assertThat(result.problems()).hasSize(2);
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("V1.10__create_notes.sql"));
        assertThat(result.problems())
                .anySatisfy(p -> assertThat(p).contains("V1.5__late.sql").contains("--out-of-order"));
        assertThat(m.validateAllowingOutOfOrder().problems()).hasSize(1);
    }
}
