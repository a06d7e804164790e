package dev.flowbase.server.cli;

import dev.flowbase.config.FlowbaseConfig.LogFormat;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.server.logging.Logging;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs one {@code flowbase} command line against an environment and two streams. The process
 * entry point passes the real ones; tests pass their own, so they drive exactly what a user types.
 */
public final class Cli {
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    public Cli(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
    }

    public static Cli system() {
        return new Cli(System.getenv(), System.out, System.err);
    }

    /** Runs {@code args} and returns the exit status. */
    public int run(String... args) {
        FlowbaseCommand root = new FlowbaseCommand(this);
        CommandLine commandLine = new CommandLine(root)
                .setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new Failures(root))
                .setParameterExceptionHandler((ex, cmdArgs) -> {
                    err.println("flowbase: " + ex.getMessage());
                    err.println("Run 'flowbase " + ex.getCommandLine().getCommandName() + " --help' for usage.");
                    return ErrorCode.INVALID_ARGUMENT.exitCode();
                })
                .setExecutionStrategy(parseResult -> {
                    Logging.configure(logFormat(root), root.verbose, err);
                    return new CommandLine.RunLast().execute(parseResult);
                });
        return commandLine.execute(args);
    }

    Map<String, String> environment() {
        return environment;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    private LogFormat logFormat(FlowbaseCommand root) {
        String format =
                root.logFormat != null ? root.logFormat : environment.getOrDefault("FLOWBASE_LOG_FORMAT", "text");
        return "json".equals(format.toLowerCase(Locale.ROOT)) ? LogFormat.JSON : LogFormat.TEXT;
    }
}
