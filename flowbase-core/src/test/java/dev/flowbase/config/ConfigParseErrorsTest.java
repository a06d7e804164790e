package dev.flowbase.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbase.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every setting that does not parse joins the one list of problems (exit 2), whatever its type. */
class ConfigParseErrorsTest {
    private static final String KEY_32_BYTES = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    Path dir;

    private static ConfigLoader env(String... pairs) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put(pairs[i], pairs[i + 1]);
        }
        return new ConfigLoader().environment(vars).configFile(null);
    }

    @Test
    void aPathTheFileSystemCannotNameIsAProblemOfItsSettingNotACrash() {
        // Found by ConfigFuzzTest: a NUL in the URL's sslrootcert threw InvalidPathException out of load().
        assertThatThrownBy(() -> env(
                                "DATABASE_URL", "postgresql://h/db?sslrootcert=/a\u0000b",
                                "DB_SSL_CA", "/c\u0000d",
                                "FLOWBASE_MASTER_KEY_FILE", "/e\u0000f",
                                "FLOWBASE_BACKUP_DIRECTORY", "g\u0000")
                        .load())
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(ConfigProblem::describe)
                                .containsExactlyInAnyOrder(
                                        "DATABASE_URL=postgresql://h/db?sslrootcert=/a\\u0000b (environment variable):"
                                                + " expected sslrootcert to be the path of a CA file",
                                        "DB_SSL_CA=/c\\u0000d (environment variable): expected a file path",
                                        "FLOWBASE_MASTER_KEY_FILE=/e\\u0000f (environment variable): expected a file path",
                                        "FLOWBASE_BACKUP_DIRECTORY=g\\u0000 (environment variable): expected a file path"));
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite:./a\u0000.db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected a file after sqlite:");
    }

    @Test
    void aBadSslBooleanIsReportedBesideTheOtherProblems() {
        assertThatThrownBy(() -> env("DB_SSL", "maybe", "DB_SSL_REJECT_UNAUTHORIZED", "2", "DB_PORT", "99999")
                        .load())
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.code().exitCode()).isEqualTo(2);
                    assertThat(e.problems())
                            .extracting(ConfigProblem::describe)
                            .containsExactlyInAnyOrder(
                                    "DB_SSL=maybe (environment variable): expected true or false (also yes/no, on/off, 1/0)",
                                    "DB_SSL_REJECT_UNAUTHORIZED=2 (environment variable): expected true or false (also yes/no, on/off, 1/0)",
                                    "DB_PORT=99999 (environment variable): expected a port, a whole number from 1 to 65535");
                });
    }

    @Test
    void aBadSslBooleanInTheFileNamesTheFileAndLine() throws IOException {
        Path f = dir.resolve("flowbase.yml");
        Files.writeString(f, "database:\n  ssl: maybe\n");

        assertThatThrownBy(() ->
                        env("DATABASE_URL", "postgresql://u@h/db").configFile(f).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("database.ssl=maybe (" + f + ":2): expected true or false (also yes/no, on/off, 1/0)");
    }

    @Test
    void aMalformedMasterKeyIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> env("FLOWBASE_MASTER_KEY", "abcSECRETabc", "DB_PORT", "0")
                        .load())
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.getMessage())
                            .contains("FLOWBASE_MASTER_KEY=**** (environment variable): expected base64 of 32 bytes")
                            .contains("DB_PORT=0")
                            .doesNotContain("SECRET");
                });
    }

    @Test
    void aMasterKeyOfTheWrongLengthIsRefusedToo() {
        String sixteenBytes = "AAECAwQFBgcICQoLDA0ODw==";
        assertThatThrownBy(() -> env("FLOWBASE_MASTER_KEY", sixteenBytes).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("FLOWBASE_MASTER_KEY")
                .hasMessageNotContaining(sixteenBytes);
    }

    @Test
    void aWellFormedMasterKeyIsKept() {
        assertThat(env("FLOWBASE_MASTER_KEY", KEY_32_BYTES)
                        .load()
                        .security()
                        .masterKey()
                        .value())
                .isEqualTo(KEY_32_BYTES);
    }
}
