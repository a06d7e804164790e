package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowbase migrate …} through the real command line, on every engine. */
class MigrateCommandTest {
    @TempDir
    Path dir;

    /** One in-process run of the command line with its exit status and output. */
    private Path userSet() throws Exception {
        Files.writeString(dir.resolve("V1__create_items.sql"), "CREATE TABLE items (id INTEGER PRIMARY KEY);\n");
        Files.writeString(dir.resolve("U1__create_items.sql"), "DROP TABLE items;\n");
        Files.writeString(dir.resolve("V2__create_tags.sql"), "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n");
        Files.writeString(dir.resolve("U2__create_tags.sql"), "DROP TABLE tags;\n");
        return dir;
    }

    /** {@code flowbase migrate ARGS} on the user set in {@code location}, with its own history table. */
    private static CliRun migrate(TestDatabase db, Path location, String... args) {
        List<String> all = new ArrayList<>(List.of("migrate"));
        all.addAll(List.of(args));
        all.addAll(List.of("--url", db.url(), "--location", location.toString(), "--table", "app_history"));
        all.addAll(List.of("--lock-timeout", "30"));
        return CliRun.of(all.toArray(String[]::new));
    }

    @EngineTest
    void upStatusRollbackAndValidateOnAUserSet(TestDatabase db) throws Exception {
        Path set = userSet();

        CliRun dry = migrate(db, set, "up", "--dry-run");
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("-- V1__create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY);");

        CliRun up = migrate(db, set, "up");
        assertThat(up.status()).as(up.err()).isZero();
        assertThat(up.out()).contains("VERSION").contains("V2__create_tags.sql").contains("Applied 2 script(s)");
        assertThat(migrate(db, set, "up").out()).contains("Up to date");

        CliRun status = migrate(db, set, "status", "--json");
        JsonNode entries = Output.mapper().readTree(status.out()).get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).get("state").asText()).isEqualTo("success");
        assertThat(entries.get(1).get("checksumMatch").asBoolean()).isTrue();

        Files.writeString(set.resolve("V1__create_items.sql"), "CREATE TABLE items (id BIGINT PRIMARY KEY);\n");
        CliRun invalid = migrate(db, set, "validate");
        assertThat(invalid.status()).isEqualTo(ErrorCode.VALIDATION_FAILED.exitCode());
        assertThat(invalid.out()).contains("V1__create_items.sql");
        assertThat(migrate(db, set, "repair").out()).contains("V1__create_items.sql");
        assertThat(migrate(db, set, "validate").status()).isZero();

        CliRun rollback = migrate(db, set, "rollback", "--steps", "1");
        assertThat(rollback.status()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("U2__create_tags.sql").contains("Rolled back 1 version(s)");
        assertThat(migrate(db, set, "status").out()).containsPattern("2 +create tags +versioned +undone");
    }

    @EngineTest
    void aFailedMigrationExitsWithItsCodeAndAOneLineReason(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__bad.sql"), "CREATE TABLE ok (id INTEGER);\nSELEC 1;\n");

        CliRun run = migrate(db, dir, "up");

        assertThat(run.status()).isEqualTo(ErrorCode.MIGRATION_FAILED.exitCode());
        assertThat(run.err().lines()).singleElement().asString().contains("V1__bad.sql statement 2 of 2 (line 2)");
    }

    @Test
    void createWritesTheNextVersionAndItsUndoInEachEngineFolder() throws Exception {
        Files.createDirectories(dir.resolve("postgresql"));
        Files.createDirectories(dir.resolve("sqlite"));
        Files.writeString(dir.resolve("sqlite/V3__old.sql"), "");

        CliRun run = CliRun.of("migrate", "create", "add user email", "--location", dir.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(dir.resolve("postgresql/V4__add_user_email.sql")).exists();
        assertThat(dir.resolve("postgresql/U4__add_user_email.sql")).exists();
        assertThat(dir.resolve("sqlite/V4__add_user_email.sql")).exists();
        assertThat(dir.resolve("sqlite/U4__add_user_email.sql")).exists();
    }

    @EngineTest
    void aUserSetWithoutItsOwnHistoryTableIsRefusedBeforeAnythingRuns(TestDatabase db, @TempDir Path dir) {
        CliRun run = CliRun.of("migrate", "up", "--url", db.url(), "--location", dir.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("needs --table NAME");
    }
}
