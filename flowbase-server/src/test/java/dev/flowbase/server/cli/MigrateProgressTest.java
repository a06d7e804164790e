package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.migrate.ExecutedScript;
import dev.flowbase.migrate.MigrationType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrateProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void aLongRunInALogPrintsALineEveryTenth() {
        run(new MigrateProgress(err, false, "Applied"), 40);

        List<String> lines = text().lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).startsWith("Applied 4/40 (10%) V4__t.sql, ");
        assertThat(lines.get(9)).startsWith("Applied 40/40 (100%) V40__t.sql, ");
    }

    @Test
    void aShortRunInALogPrintsNothing() {
        run(new MigrateProgress(err, false, "Applied"), MigrateProgress.LONG_RUN);

        assertThat(text()).isEmpty();
    }

    @Test
    void onATerminalOneLineIsRedrawnAndClearedAtTheEnd() {
        run(new MigrateProgress(err, true, "Undone"), 3);

        assertThat(text())
                .doesNotContain("\n")
                .contains("Undone 2/3 (66%) V2__t.sql")
                .endsWith("\r\033[K");
    }

    private static void run(MigrateProgress progress, int total) {
        progress.onStart(total);
        for (int i = 1; i <= total; i++) {
            progress.onScript(new ExecutedScript(
                    String.valueOf(i), "t", MigrationType.VERSIONED, "V" + i + "__t.sql", 1, 1, 1, List.of()));
        }
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
