package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve initialises the database itself only on the untouched embedded default, never elsewhere. */
class FirstRunTest {
    private static FlowbaseConfig config(Map<String, String> env) {
        return new ConfigLoader().environment(env).load();
    }

    @Test
    void onlyTheUnconfiguredEmbeddedDefaultWhoseFileIsMissingIsInitialisedByServe(@TempDir Path dir) throws Exception {
        Path existing = Files.createFile(dir.resolve("there.db"));
        FlowbaseConfig untouched = config(Map.of());
        Assumptions.assumeFalse(
                Files.exists(Path.of(untouched.database().database())), "a ./data/flowbase.db exists here already");

        assertThat(FirstRun.applies(untouched)).isTrue();
        assertThat(FirstRun.applies(config(Map.of("FLOWBASE_ENVIRONMENT", "production"))))
                .isFalse();
        assertThat(FirstRun.applies(config(Map.of("DATABASE_URL", "sqlite:" + dir.resolve("new.db")))))
                .isFalse();
        assertThat(FirstRun.applies(config(Map.of("DB_NAME", existing.toString()))))
                .isFalse();
        assertThat(FirstRun.applies(new ConfigLoader()
                        .flag(Settings.DATABASE_URL, "postgresql://root@127.0.0.1:5432/x")
                        .load()))
                .isFalse();
    }
}
