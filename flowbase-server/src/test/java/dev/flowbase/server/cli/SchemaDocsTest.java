package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowbase.engine.Engine;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/schema.md is what {@code flowbase schema docs} writes from a freshly migrated PostgreSQL. */
class SchemaDocsTest {
    private static final Path COMMITTED = Path.of("..", "docs", "schema.md");
    private static final Path NOTES = Path.of("..", "docs", "schema-design.md");

    @Test
    void theCommittedSchemaDocumentIsUpToDate(@TempDir Path dir) throws Exception {
        assumeTrue(TestEngines.selected().contains(Engine.POSTGRESQL), "docs/schema.md describes PostgreSQL");
        Path written = dir.resolve("schema.md");
        try (TestDatabase db = TestDatabase.create(Engine.POSTGRESQL)) {
            assertThat(CliRun.of("migrate", "up", "--url", db.url()).status()).isZero();

            CliRun run = CliRun.of(
                    "schema", "docs", "--url", db.url(), "--output", written.toString(), "--notes", NOTES.toString());

            assertThat(run.status()).as(run.err()).isZero();
        }
        assertThat(Files.readString(written))
                .as("docs/schema.md is out of date: run bin/flowbase schema docs --url postgresql://… on a freshly"
                        + " migrated database and commit the result")
                .isEqualTo(Files.readString(COMMITTED));
    }
}
