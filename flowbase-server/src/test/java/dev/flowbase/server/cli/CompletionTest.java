package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flowbase completion: a script that a real bash loads and that completes commands and options. */
class CompletionTest {

    @Test
    void bashCompletesCommandsAndOptionsFromTheScript(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("completion", "bash");
        assertThat(run.status()).as(run.err()).isZero();
        Path script = Files.writeString(dir.resolve("flowbase-completion.bash"), run.out());

        assertThat(complete(script, "flowbase", "mig")).isEqualTo("migrate");
        assertThat(complete(script, "flowbase", "init", "--sk")).isEqualTo("--skip-redis");
    }

    @Test
    void anUnknownShellIsRefusedNamingTheAcceptedOnes() {
        CliRun run = CliRun.of("completion", "fish");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("fish").contains("BASH").contains("ZSH");
    }

    /** What bash offers after {@code words}, as a person pressing Tab on that line would see. */
    private static String complete(Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String program = "source \"$1\"; COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_flowbase;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process bash = new ProcessBuilder("bash", "-c", program, "bash", script.toString())
                // compopt complains outside a real Tab press; what is offered is the reply itself.
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
