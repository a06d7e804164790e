package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command, however deep, answers --help with its own usage, and help suggestions name real commands. */
class HelpTest {

    @Test
    void everyCommandAnswersHelpWithItsOwnUsage() {
        List<String> commands = allCommands();
        assertThat(commands).contains("migrate up", "seed clean", "schema validate", "config show");

        for (String command : commands) {
            List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
            args.add("--help");

            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.status()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: flowbase " + command);
            assertThat(run.err()).as(command).isEmpty();
        }
    }

    @Test
    void helpCommandShowsTheUsageOfTheCommandItNames() {
        CliRun run = CliRun.of("help", "migrate");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: flowbase migrate");
    }

    @Test
    void aMistypedOptionSuggestsTheHelpOfTheCommandItWasGivenTo() {
        CliRun sub = CliRun.of("migrate", "up", "--no-such-option");
        CliRun root = CliRun.of("--no-such-option");

        assertThat(sub.err()).contains("Run 'flowbase migrate up --help' for usage.");
        assertThat(root.err()).contains("Run 'flowbase --help' for usage.");
    }

    @Test
    void versionNamesThePomsVersionAndTheCommit() {
        CliRun run = CliRun.of("--version");

        assertThat(run.status()).isZero();
        // The test build is a developer's build: no commit was passed to it (bin/release passes one).
        assertThat(run.out().strip()).matches("flowbase \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit unknown\\)");
    }

    /** Every command path below the root, from the command tree itself, so a new command is walked too. */
    private static List<String> allCommands() {
        var root = new CommandLine(new FlowbaseCommand(new Cli(Map.of(), System.out, System.err)));
        Subcommands.addTo(root); // no command named: all of them, as `flowbase --help` lists them
        List<String> paths = new ArrayList<>();
        walk(root, "", paths);
        return paths;
    }

    private static void walk(CommandLine command, String path, List<String> out) {
        out.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                walk(sub, path.isEmpty() ? name : path + " " + name, out);
            }
        });
    }
}
