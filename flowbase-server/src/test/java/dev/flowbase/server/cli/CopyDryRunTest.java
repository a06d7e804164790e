package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.flowbase.engine.Engine;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate up --dry-run} prints a COPY … FROM stdin block as psql reads it. */
class CopyDryRunTest {
    @TempDir
    Path dir;

    @EngineTest
    void theCopyBlockEndsWithItsEndLineAlone(TestDatabase db) throws Exception {
        assumeThat(db.engine()).isEqualTo(Engine.POSTGRESQL);
        Files.writeString(
                dir.resolve("V1__rows.sql"),
                "CREATE TABLE r (n integer);\nCOPY r (n) FROM stdin;\n1\n2\n\\.\nINSERT INTO r VALUES (3);\n");

        CliRun run = CliRun.of(
                "migrate",
                "up",
                "--dry-run",
                "--url",
                db.url(),
                "--location",
                dir.toString(),
                "--table",
                "app_history");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("CREATE TABLE r (n integer);\nCOPY r (n) FROM stdin;\n1\n2\n\\.\nINSERT INTO r VALUES (3);\n")
                .doesNotContain("\\.;");
    }
}
