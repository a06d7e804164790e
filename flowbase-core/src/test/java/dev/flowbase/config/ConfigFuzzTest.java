package dev.flowbase.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowbase.error.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The configuration under a fuzzer: environment variables and a flowbase.yml. An input is lines of
 * {@code NAME=value} (the environment), then a line {@code ---}, then the file. Whatever they hold,
 * loading gives a configuration or one {@link ConfigException} listing the problems, never another
 * exception; and a password that a database URL carries never shows, neither in the URL as masked
 * for output nor in any problem or entry of {@code config show}.
 */
class ConfigFuzzTest {
    private static final Path FILE = temporaryFile();

    @FuzzTest(maxDuration = "10m")
    void settingsLoadOrAreRefusedAsOneConfigurationErrorAndNeverShowAPassword(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);
        int split = text.indexOf("\n---\n");
        String yaml = split < 0 ? "" : text.substring(split + 5);
        if (text.toLowerCase(java.util.Locale.ROOT).contains("password_file")) {
            return; // it names a file the loader reads: a fuzzer could name /dev/stdin and wait forever
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : (split < 0 ? text : text.substring(0, split)).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                environment.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        Files.writeString(FILE, yaml);

        String shown;
        try {
            FlowbaseConfig config =
                    new ConfigLoader().environment(environment).configFile(FILE).load();
            shown = config.entries().stream()
                    .map(e -> e.key() + "=" + e.shownValue())
                    .collect(Collectors.joining("\n"));
        } catch (ConfigException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
            assertThat(refused.problems()).isNotEmpty();
            shown = refused.getMessage();
        }
        for (String variable : Settings.DATABASE_URL.environmentVariables()) {
            String url = environment.get(variable);
            if (url != null) {
                assertNoPasswordShown(url, url, Secret.maskUrlCredentials(url));
                // Another variable may hold the same text, and is shown as it is (crash-f1d07bc9…).
                assertNoPasswordShown(url, text, shown);
            }
        }
    }

    /**
     * The password that parsing takes from {@code url} is not in {@code output}. Checked where that is
     * decidable from the text alone: the password is written once in all of {@code input}, as it is,
     * and holds no {@code *} (which the mask itself is made of).
     */
    private static void assertNoPasswordShown(String url, String input, String output) {
        String password;
        try {
            password = DatabaseUrl.parse(url).password().map(Secret::value).orElse("");
        } catch (IllegalArgumentException refused) {
            return;
        }
        boolean decidable = password.length() >= 3
                && !password.contains("*")
                && url.contains(password)
                && input.indexOf(password) == input.lastIndexOf(password);
        if (decidable) {
            assertThat(output).as("what is shown of %s", url).doesNotContain(password);
        }
    }

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("flowbase-fuzz", ".yml");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
