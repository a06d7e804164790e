package dev.flowbase.server.cli;

import dev.flowbase.config.FlowbaseConfig;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand needs: the global options, the configuration, the output streams. */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    FlowbaseCommand root() {
        return (FlowbaseCommand) spec.root().userObject();
    }

    FlowbaseConfig config() {
        return root().loadConfig();
    }

    boolean json() {
        return root().json;
    }

    PrintStream out() {
        return root().cli.out();
    }
}
