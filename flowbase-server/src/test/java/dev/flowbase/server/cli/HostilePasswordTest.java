package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Passwords pasted into URLs unencoded, with every character that a URL gives a meaning to, through
 * every way a URL reaches Flowbase: never the password in any output, always the right diagnosis
 * (the host and port that were really meant).
 */
class HostilePasswordTest {
    /** Each holds a distinctive core, so a leak of any part of it is found. */
    static Stream<String> passwords() {
        return Stream.of(
                "Pw/Zq9x",
                "Pw#Zq9x",
                "Pw?Zq9x",
                "Pw@Zq9x",
                "Pw:Zq9x",
                "Pw%Zq9x",
                "Pw&Zq9x",
                "Pw Zq9x",
                "PwÄ€Zq9x",
                "Pw%2FZq9x",
                "Pw@Zq9x/y?z#w:v");
    }

    private static final List<List<String>> COMMANDS = List.of(
            List.of("test-connection"),
            List.of("migrate", "status"),
            List.of("schema", "validate"),
            List.of("config", "show"),
            List.of("init"));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("passwords")
    void aPasswordInAUrlNeverShowsAndTheHostIsStillRight(String password) throws IOException {
        for (String scheme : List.of("postgresql", "mariadb")) {
            String url = scheme + "://fbuser:" + password + "@127.0.0.1:1/fbdb";
            for (List<String> command : COMMANDS) {
                for (Run run : runs(url, command)) {
                    assertNoLeak(run, password);
                    if (!command.equals(List.of("config", "show"))) {
                        assertThat(run.cli().err())
                                .as("%s %s", command, run.how())
                                .contains("127.0.0.1:1");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passwords")
    void aUrlThatDoesNotParseStillHidesItsPassword(String password) throws IOException {
        String url = "mariadb://fbuser:" + password + "@127.0.0.1:notaport/fbdb";
        for (Run run : runs(url, List.of("test-connection"))) {
            assertNoLeak(run, password);
            assertThat(run.cli().status()).as(run.how()).isEqualTo(2);
            assertThat(run.cli().err()).as(run.how()).contains("expected");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passwords")
    void aSeparatePasswordVariableNeverShows(String password) {
        var env = Map.of("DB_HOST", "127.0.0.1", "DB_PORT", "1", "DB_USER", "fbuser", "DB_PASSWORD", password);
        for (List<String> command : COMMANDS) {
            CliRun run = CliRun.of(env, args(command, "--json"));
            assertNoLeak(new Run("DB_PASSWORD", run), password);
        }
    }

    private List<Run> runs(String url, List<String> command) throws IOException {
        Path config = dir.resolve("flowbase.yml");
        Files.writeString(config, "database:\n  url: '" + url + "'\n");
        List<Run> runs = new ArrayList<>();
        for (String output : List.of("text", "json")) {
            String[] extra = output.equals("json")
                    ? new String[] {"--json", "--verbose", "--log-format", "json"}
                    : new String[] {"--verbose"};
            runs.add(new Run("--url " + output, CliRun.of(args(command, concat(extra, "--url", url)))));
            runs.add(new Run("DATABASE_URL " + output, CliRun.of(Map.of("DATABASE_URL", url), args(command, extra))));
            runs.add(new Run(
                    "config file " + output, CliRun.of(args(command, concat(extra, "--config", config.toString())))));
        }
        return runs;
    }

    private static void assertNoLeak(Run run, String password) {
        String all = run.cli().all();
        assertThat(all).as(run.how()).doesNotContain(password).doesNotContain("Zq9x");
    }

    private static String[] args(List<String> command, String... extra) {
        return Stream.concat(command.stream(), Stream.of(extra)).toArray(String[]::new);
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private record Run(String how, CliRun cli) {}
}
