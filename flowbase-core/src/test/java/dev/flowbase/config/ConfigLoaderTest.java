package dev.flowbase.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private static ConfigLoader env(String... pairs) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put(pairs[i], pairs[i + 1]);
        }
        return new ConfigLoader().environment(vars).configFile(null);
    }

    private Path file(String yaml) throws IOException {
        Path f = dir.resolve("flowbase.yml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void withNothingConfiguredTheDatabaseIsSqliteUnderData() {
        FlowbaseConfig config = env().load();

        assertThat(config.database().engine()).isEqualTo(Engine.SQLITE);
        assertThat(config.database().database()).isEqualTo("./data/flowbase.db");
        assertThat(config.server())
                .isEqualTo(new ServerSettings(
                        "127.0.0.1", 8080, false, 100, 200, 1_048_576, List.of(), 10_000, 5_000, 30));
        assertThat(config.environment()).isEqualTo("development");
    }

    @Test
    void everyDatabaseVariableIsRead() {
        DatabaseConfig db = env(
                        "DB_HOST", "db.internal",
                        "DB_PORT", "5433",
                        "DB_NAME", "flows",
                        "DB_USER", "app",
                        "DB_PASSWORD", "pw",
                        "DB_SSL", "true",
                        "DB_SSL_REJECT_UNAUTHORIZED", "false",
                        "DB_POOL_MAX", "20",
                        "DB_POOL_MIN", "3",
                        "DB_IDLE_TIMEOUT", "60000",
                        "DB_CONNECTION_TIMEOUT", "5000",
                        "DB_STATEMENT_TIMEOUT", "15000",
                        "DB_DEBUG", "true")
                .load()
                .database();

        assertThat(db.engine()).isEqualTo(Engine.POSTGRESQL);
        assertThat(db.hostAndPort()).isEqualTo("db.internal:5433");
        assertThat(db.database()).isEqualTo("flows");
        assertThat(db.user()).isEqualTo("app");
        assertThat(db.password().value()).isEqualTo("pw");
        assertThat(db.ssl()).isTrue();
        assertThat(db.sslVerify()).isFalse();
        assertThat(db.pool()).isEqualTo(new PoolSettings(20, 3, Duration.ofSeconds(60), Duration.ofSeconds(5)));
        assertThat(db.statementTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(db.debug()).isTrue();
    }

    @Test
    void postgresAliasesWorkAndDbVariablesWinOverThem() {
        DatabaseConfig db = env(
                        "POSTGRES_HOST", "pg",
                        "POSTGRES_PORT", "6000",
                        "POSTGRES_DB", "aliased",
                        "POSTGRES_USER", "alias",
                        "POSTGRES_PASSWORD", "apw",
                        "DB_USER", "direct")
                .load()
                .database();

        assertThat(db.hostAndPort()).isEqualTo("pg:6000");
        assertThat(db.database()).isEqualTo("aliased");
        assertThat(db.user()).isEqualTo("direct");
        assertThat(db.password().value()).isEqualTo("apw");
    }

    @Test
    void thePasswordFileIsReadAndTrimmed() throws IOException {
        Path secret = dir.resolve("pw");
        Files.writeString(secret, "from-file\n");

        DatabaseConfig db = env("DATABASE_URL", "postgresql://u@h/db", "DB_PASSWORD_FILE", secret.toString())
                .load()
                .database();

        assertThat(db.password().value()).isEqualTo("from-file");
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws IOException {
        Path f = file("""
                database:
                  url: mariadb://fileuser@filehost/filedb
                  pool:
                    max: 7
                    min: 1
                server:
                  port: 9000
                """);

        FlowbaseConfig config = env("DATABASE_URL", "postgresql://envuser@envhost/envdb", "DB_POOL_MAX", "8")
                .configFile(f)
                .flag(Settings.SERVER_PORT, "9100")
                .load();

        assertThat(config.database().describeTarget()).isEqualTo("postgresql://envuser@envhost:5432/envdb");
        assertThat(config.database().pool().maxSize()).isEqualTo(8);
        assertThat(config.database().pool().minIdle()).isEqualTo(1);
        assertThat(config.server().port()).isEqualTo(9100);
        assertThat(config.entries())
                .contains(new ConfigEntry("database.pool.min", "1", Source.file(f.toString(), 5)))
                .contains(new ConfigEntry("server.port", "9100", Source.flag("--port")))
                .contains(new ConfigEntry("database.pool.max", "8", Source.environment("DB_POOL_MAX")));
    }

    @Test
    void aSeparateSettingReplacesTheUrlPartOnlyFromAnEqualOrHigherSource() throws IOException {
        Path f = file("database:\n  host: filehost\n");

        DatabaseConfig db = env("DATABASE_URL", "postgresql://u@urlhost/db", "DB_NAME", "envdb")
                .configFile(f)
                .load()
                .database();

        assertThat(db.host()).isEqualTo("urlhost");
        assertThat(db.database()).isEqualTo("envdb");
    }

    @Test
    void everyProblemIsReportedAtOnceWithFieldSourceValueAndWhatIsAccepted() {
        assertThatThrownBy(() -> env("DB_POOL_MAX", "abc", "DB_PORT", "99999", "DB_HOST", "h")
                        .load())
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.code().exitCode()).isEqualTo(2);
                    assertThat(e.problems())
                            .extracting(ConfigProblem::describe)
                            .containsExactlyInAnyOrder(
                                    "DB_PORT=99999 (environment variable): expected a port, a whole number from 1 to 65535",
                                    "DB_POOL_MAX=abc (environment variable): expected a whole number from 1 to 10000");
                });
    }

    @Test
    void aBadValueInTheFileNamesTheFileAndLine() throws IOException {
        Path f = file("environment: production\ndatabase:\n  debug: maybe\n  colour: blue\n");

        assertThatThrownBy(() -> env().configFile(f).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.debug=maybe (" + f + ":3): expected true or false")
                .hasMessageContaining("database.colour (" + f + ":4): unknown setting");
    }

    @Test
    void aSecretInABadValueIsMasked() {
        assertThatThrownBy(() -> env("DATABASE_URL", "oracle://u:hunter2@h/db").load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("oracle://u:****@h/db")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aMissingExplicitConfigFileIsAnError() {
        assertThatThrownBy(() -> env().configFile(dir.resolve("nope.yml")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yml")
                .hasMessageContaining("expected an existing YAML file");
    }

    @Test
    void minimumPoolSizeAboveTheMaximumIsRefused() {
        assertThatThrownBy(() -> env("DB_POOL_MAX", "2", "DB_POOL_MIN", "5").load())
                .hasMessageContaining("DB_POOL_MIN=5 (environment variable): expected at most the pool maximum (2)");
    }

    @Test
    void configEntriesNeverShowAPassword() {
        FlowbaseConfig config = env("DATABASE_URL", "postgresql://u:hunter2@h/db", "DB_PASSWORD", "other-secret")
                .load();

        assertThat(config.entries().toString()).doesNotContain("hunter2").doesNotContain("other-secret");
        assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("other-secret");
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNamingBothLines() throws IOException {
        Path f = file("database:\n  debug: true\n  debug: false\n");

        assertThatThrownBy(() -> env().configFile(f).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "database.debug (" + f + ":3): expected each setting once; it is also set at " + f + ":2");
    }

    @Test
    void anEmptySectionSetsNothing() throws IOException {
        Path f = file("database:\n  pool: ~\nserver:\n");

        FlowbaseConfig config = env().configFile(f).load();

        assertThat(config.database().pool().maxSize())
                .isEqualTo(Settings.POOL_MAX.defaultValue().orElseThrow());
    }

    @Test
    void anAliasBombIsRefusedBeforeItExpands() throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p);
            yaml.append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append("]\n");
        }
        Path f = file(yaml.toString());

        assertThatThrownBy(() -> env().configFile(f).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("expected");
    }

    @Test
    void aFolderGivenAsTheConfigFileIsAnError() {
        assertThatThrownBy(() -> env().configFile(dir).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected a file, not a folder");
    }

    @Test
    void aSqliteUrlWithoutAFileIsAnError() {
        assertThatThrownBy(() -> env("DATABASE_URL", "sqlite:///").load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected a file after sqlite:");
    }

    @Test
    void aLibraryCallReadsNoFileItWasNotGiven() throws IOException {
        Path cwdFile = ConfigLoader.DEFAULT_CONFIG_FILE.toAbsolutePath();
        Assumptions.assumeFalse(Files.exists(cwdFile), "a flowbase.yml is already here");
        Files.writeString(cwdFile, "database:\n  pool:\n    max: 3\n");
        try {
            DatabaseConfig config = DatabaseConfig.fromUrl("sqlite::memory:");

            assertThat(config.pool().maxSize())
                    .isEqualTo(Settings.POOL_MAX.defaultValue().orElseThrow());
            assertThat(new ConfigLoader()
                            .defaultConfigFileIfPresent()
                            .load()
                            .database()
                            .pool()
                            .maxSize())
                    .as("read when asked for")
                    .isEqualTo(3);
        } finally {
            Files.delete(cwdFile);
        }
    }

    @Test
    void everySettingIsDeclaredOnceWithAParserAndItsDefaultIsWhatTheLoaderUses() {
        FlowbaseConfig config = env().load();

        assertThat(Setting.all()).extracting(Setting::key).doesNotHaveDuplicates();
        assertThat(Setting.all()).allSatisfy(s -> assertThat(s.parser()).isNotNull());
        assertThat(config.database().pool()).isEqualTo(PoolSettings.defaults());
        assertThat(config.database().statementTimeout().toMillis())
                .isEqualTo(
                        Settings.STATEMENT_TIMEOUT.defaultValue().orElseThrow().longValue());
        assertThat(config.server().port())
                .isEqualTo(Settings.SERVER_PORT.defaultValue().orElseThrow());
    }
}
