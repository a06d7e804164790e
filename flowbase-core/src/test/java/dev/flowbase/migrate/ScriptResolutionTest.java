package dev.flowbase.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.engine.Engine;
import dev.flowbase.error.FlowbaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File names, versions, checksums and locations, without a database. */
class ScriptResolutionTest {
    @TempDir
    Path dir;

    @Test
    void versionsCompareNumericallyPartByPart() {
        assertThat(Version.parse("1.10")).isGreaterThan(Version.parse("1.9"));
        assertThat(Version.parse("1.0")).isEqualTo(Version.parse("1")).hasSameHashCodeAs(Version.parse("1"));
        assertThat(Version.parse("2_1")).isEqualTo(Version.parse("2.1"));
        assertThat(catchThrowableOfType(FlowbaseException.class, () -> Version.parse("1.x"))
                        .getMessage())
                .contains("'1.x' is not a version");
    }

    @Test
    void namesGiveKindVersionDescriptionAndTheNoTransactionDirective() {
        Script v = Script.of("V1.2__add_index.sql", "here", "-- flowbase:no-transaction\nCREATE INDEX …;");
        Script r = Script.of("R__views.sql", "here", "SELECT 1;");

        assertThat(v.type()).isEqualTo(MigrationType.VERSIONED);
        assertThat(v.version()).isEqualTo(Version.parse("1.2"));
        assertThat(v.description()).isEqualTo("add index");
        assertThat(v.transactional()).isFalse();
        assertThat(r.type()).isEqualTo(MigrationType.REPEATABLE);
        assertThat(r.transactional()).isTrue();
    }

    @Test
    void aMisnamedFileIsAnErrorNamingIt() {
        FlowbaseException e =
                catchThrowableOfType(FlowbaseException.class, () -> Script.of("V1_add.sql", "folder x", ""));

        assertThat(e.getMessage()).contains("V1_add.sql").contains("folder x").contains("V<version>__");
    }

    @Test
    void twoFilesWithTheSameVersionAreAnErrorNamingBoth() {
        List<Script> scripts = List.of(Script.of("V1__a.sql", "f", ""), Script.of("V1.0__b.sql", "f", ""));

        FlowbaseException e = catchThrowableOfType(FlowbaseException.class, () -> ScriptSet.of(scripts));

        assertThat(e.getMessage()).contains("V1__a.sql").contains("V1.0__b.sql").contains("same version 1");
    }

    @Test
    void theChecksumIgnoresCrlfAndALeadingBom() {
        assertThat(Checksum.of("\uFEFFA;\r\nB;\r\n")).isEqualTo(Checksum.of("A;\nB;\n"));
        assertThat(Checksum.of("A;\nB;\n")).isNotEqualTo(Checksum.of("A;\nB; \n"));
    }

    @Test
    void aFolderWithAnEngineSubfolderReadsThatAndTheCommonFolder() throws Exception {
        Files.createDirectories(dir.resolve("postgresql"));
        Files.createDirectories(dir.resolve("common"));
        Files.writeString(dir.resolve("postgresql/V1__pg.sql"), "");
        Files.writeString(dir.resolve("common/V2__portable.sql"), "");
        Files.writeString(dir.resolve("V9__ignored_here.sql"), "");

        ScriptSet set = ScriptSet.of(MigrationLocation.directory(dir).read(Engine.POSTGRESQL));

        assertThat(set.versioned().keySet()).containsExactly(Version.parse("1"), Version.parse("2"));
    }

    @Test
    void createNumbersAboveTheHighestVersionAndRefusesBadNames() throws Exception {
        Files.writeString(dir.resolve("V1.10__x.sql"), "");

        CreateResult created = Migrator.create("next step", dir);

        assertThat(created.version()).isEqualTo("2");
        assertThat(created.files()).containsExactly(dir.resolve("V2__next_step.sql"), dir.resolve("U2__next_step.sql"));
        assertThat(Migrator.create("after that", dir).version()).isEqualTo("3");
        assertThat(catchThrowableOfType(FlowbaseException.class, () -> Migrator.create("bad/name", dir))
                        .getMessage())
                .contains("bad/name");
    }
}
