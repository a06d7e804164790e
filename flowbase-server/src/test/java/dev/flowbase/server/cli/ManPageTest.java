package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** flowbase help --man: the roff page bin/release ships, made from the commands themselves. */
class ManPageTest {

    @Test
    void thePageNamesEveryCommandAndItsOptions() {
        CliRun run = CliRun.of("help", "--man");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(".TH FLOWBASE 1 ");
        for (String command : new String[] {"serve", "init", "migrate", "migrate up", "queue", "completion", "help"}) {
            assertThat(run.out()).contains(".SS \"flowbase " + command.replace("-", "\\-") + "\"");
        }
        assertThat(run.out()).contains("\\fB\\-\\-skip\\-redis\\fR").doesNotContain("\\-\\-man");
    }

    @Test
    void aPlaceholderInADescriptionIsPrintedAsWrittenNotLookedUp() {
        // picocli reads ${NAME} as a variable to look up; undefined, it printed "null" in --help and here.
        assertThat(CliRun.of("migrate", "up", "--help").out()).contains("A value for ${NAME} in the scripts");
        assertThat(CliRun.of("help", "--man").out()).contains("A value for ${NAME} in the scripts");
    }

    @Test
    void textThatRoffWouldReadAsMarkupIsEscaped() {
        assertThat(ManPage.text(".hidden")).isEqualTo("\\&.hidden");
        assertThat(ManPage.text("a\\b")).isEqualTo("a\\eb");
        assertThat(ManPage.text("postgresql://…")).isEqualTo("postgresql://\\[u2026]");
    }
}
