package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;

/** Placeholder values from the config file, the environment and --placeholder, flags winning. */
class PlaceholderSourcesTest {
    @TempDir
    Path dir;

    @EngineTest
    void eachSourceGivesValuesAndAFlagBeatsAVariableWhichBeatsTheFile(TestDatabase db) throws Exception {
        Path set = Files.createDirectories(dir.resolve("set"));
        Files.writeString(
                set.resolve("V1__t.sql"),
                "CREATE TABLE t (k VARCHAR(20), v VARCHAR(20));\n"
                        + "INSERT INTO t VALUES ('file', '${from_file}');\n"
                        + "INSERT INTO t VALUES ('env', '${from_env}');\n"
                        + "INSERT INTO t VALUES ('flag', '${from_flag}');\n");
        Path config = dir.resolve("flowbase.yml");
        Files.writeString(
                config, "migrate:\n  placeholders:\n    from_file: f1\n    from_env: f2\n    from_flag: f3\n");

        CliRun run = CliRun.of(
                Map.of("FLOWBASE_PLACEHOLDER_FROM_ENV", "e2", "FLOWBASE_PLACEHOLDER_FROM_FLAG", "e3"),
                "migrate",
                "up",
                "--location",
                set.toString(),
                "--table",
                "t_history",
                "--config",
                config.toString(),
                "--placeholder",
                "from_flag=x3",
                "--url",
                db.url());

        assertThat(run.status()).as(run.err()).isZero();
        Map<String, String> rows = new TreeMap<>();
        try (var c = db.open().connection();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT k, v FROM t")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(rows).containsExactlyInAnyOrderEntriesOf(Map.of("file", "f1", "env", "e2", "flag", "x3"));
    }
}
