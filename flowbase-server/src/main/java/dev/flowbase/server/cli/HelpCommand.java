package dev.flowbase.server.cli;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.util.Printable;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code flowbase help [COMMAND…]}: the usage of the command named, as its {@code --help} prints it.
 * Picocli's own help command declares a {@code -h} of its own, which the inherited one would clash with.
 */
@Command(name = "help", helpCommand = true, description = "Show the usage of a command, such as `help migrate up`.")
final class HelpCommand implements Callable<Integer> {
    @ParentCommand
    FlowbaseCommand root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, with its subcommands.")
    List<String> names = List.of();

    /** Hidden: bin/release writes the release's man page with it. */
    @Option(names = "--man", hidden = true, description = "Print the manual page, flowbase(1), in roff.")
    boolean man;

    @Override
    public Integer call() {
        if (man) {
            root.cli.out().print(ManPage.of(spec.root()));
            root.cli.out().flush();
            return 0;
        }
        CommandLine command = spec.parent().commandLine();
        for (String name : names) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                root.cli
                        .err()
                        .println("flowbase: unknown command '" + Printable.escape(name) + "' after '"
                                + command.getCommandSpec().qualifiedName() + "'");
                root.cli.err().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
                return ErrorCode.INVALID_ARGUMENT.exitCode();
            }
            command = sub;
        }
        command.usage(root.cli.out());
        return 0;
    }
}
