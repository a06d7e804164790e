package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration that cannot be used is a configuration error (exit 2) in one line, never a stack trace. */
class BadConfigTest {
    @TempDir
    Path dir;

    @Test
    void aSqliteUrlWithoutAFileIsAConfigurationError() {
        assertConfigError(CliRun.of("test-connection", "--url", "sqlite:///"), "expected a file after sqlite:");
    }

    @Test
    void aFolderAsConfigFileIsAConfigurationError() {
        assertConfigError(CliRun.of("config", "show", "--config", dir.toString()), "expected a file, not a folder");
    }

    @Test
    void anAliasBombIsAConfigurationError() throws Exception {
        Path f = dir.resolve("bomb.yml");
        Files.writeString(
                f,
                "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\ne: &e [*d, *d]\n"
                        + "f: &f [*e, *e]\ng: &g [*f, *f]\nh: &h [*g, *g]\ni: &i [*h, *h]\nj: &j [*i, *i]\nk: [*j, *j]\n");

        assertConfigError(CliRun.of("config", "show", "--config", f.toString()), "bomb.yml");
    }

    private static void assertConfigError(CliRun run, String text) {
        assertThat(run.status()).as(run.all()).isEqualTo(ErrorCode.INVALID_CONFIGURATION.exitCode());
        assertThat(run.err()).contains(text).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
