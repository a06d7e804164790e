package dev.flowbase.server.cli;

import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.migrate.MigrationListener;
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

    PrintStream err() {
        return root().cli.err();
    }

    /** Progress of a long {@code migrate up} or {@code rollback}, or nothing for --json and dry runs. */
    MigrationListener progress(String verb, boolean dryRun) {
        Cli.Progress mode = root().cli.progress();
        if (json() || dryRun || mode == Cli.Progress.NONE) {
            return MigrationListener.NONE;
        }
        return new MigrateProgress(err(), mode == Cli.Progress.TERMINAL, verb);
    }
}
