package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigCommandTest {

    @Test
    void showPrintsEveryValueWithItsSourceAndMasksSecrets() {
        CliRun run = CliRun.of(
                Map.of("DATABASE_URL", "postgresql://app:hunter2@db:5432/flows", "DB_PASSWORD", "other-secret"),
                "config",
                "show",
                "--environment",
                "testing");

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .containsPattern(
                        "database.url +postgresql://app:\\*\\*\\*\\*@db:5432/flows +environment variable DATABASE_URL")
                .containsPattern("database.password +\\*\\*\\*\\* +environment variable DB_PASSWORD")
                .containsPattern("environment +testing +flag --environment")
                .containsPattern("database.pool.max +10 +default");
        assertThat(run.all()).doesNotContain("hunter2").doesNotContain("other-secret");
    }

    @Test
    void showAsJsonListsSettings() throws Exception {
        CliRun run = CliRun.of(Map.of(), "config", "show", "--json", "--url", "sqlite:./x.db");

        JsonNode doc = Output.mapper().readTree(run.out());
        assertThat(doc.get("engine").asText()).isEqualTo("sqlite");
        assertThat(doc.get("settings").findValuesAsText("key")).contains("database.url", "server.port");
    }

    @Test
    void twoBadValuesGiveTwoLinesAndExitStatusTwo() {
        CliRun run = CliRun.of(Map.of("DB_POOL_MAX", "abc", "DB_PORT", "99999"), "config", "show");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactlyInAnyOrder(
                        "flowbase: DB_PORT=99999 (environment variable): expected a port, a whole number from 1 to 65535",
                        "flowbase: DB_POOL_MAX=abc (environment variable): expected a whole number from 1 to 10000");
    }

    @Test
    void aFailureWithJsonIsOneJsonDocumentOnStandardOutput() throws Exception {
        CliRun run = CliRun.of(Map.of("DB_PORT", "nope"), "config", "show", "--json");

        JsonNode error = Output.mapper().readTree(run.out()).get("error");
        assertThat(run.status()).isEqualTo(2);
        assertThat(error.get("code").asText()).isEqualTo("invalid-configuration");
        assertThat(error.get("message").asText()).contains("DB_PORT=nope");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitStatusTwo() {
        CliRun run = CliRun.of("test-connection", "--colour");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--colour'");
    }

    @Test
    void logFormatJsonWritesEveryLogLineAsJsonOnStandardError() throws Exception {
        CliRun run = CliRun.of(
                "test-connection", "--log-format", "json", "--verbose", "--url", "postgresql://u:pw-x9@127.0.0.1:1/db");

        var logLines = run.err().lines().filter(l -> l.startsWith("{")).toList();
        assertThat(logLines).isNotEmpty();
        for (String line : logLines) {
            JsonNode event = Output.mapper().readTree(line);
            assertThat(event.has("level")).isTrue();
            assertThat(event.has("message")).isTrue();
        }
        assertThat(run.all()).doesNotContain("pw-x9");
    }
}
