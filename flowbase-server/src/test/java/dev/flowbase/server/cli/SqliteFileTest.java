package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite file is the database: commands that only read never create it, and it is the owner's alone. */
class SqliteFileTest {
    @TempDir
    Path dir;

    @Test
    void dryRunsStatusAndValidateDoNotCreateTheFile() {
        Path file = dir.resolve("data/flows.db");
        String url = "sqlite:" + file;

        CliRun dryRun = CliRun.of("migrate", "up", "--dry-run", "--url", url);
        CliRun status = CliRun.of("migrate", "status", "--url", url);
        CliRun validate = CliRun.of("migrate", "validate", "--url", url);

        assertThat(dryRun.status()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("CREATE TABLE");
        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).contains("pending");
        assertThat(validate.status()).as(validate.err()).isZero();
        assertThat(file).doesNotExist();
    }

    @Test
    void initCreatesTheFileReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("data/flows.db");

        CliRun init = CliRun.of("init", "--url", "sqlite:" + file);

        assertThat(init.status()).as(init.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
