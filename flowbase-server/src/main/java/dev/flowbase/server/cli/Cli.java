package dev.flowbase.server.cli;

import dev.flowbase.config.FlowbaseConfig.LogFormat;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.server.logging.Logging;
import dev.flowbase.util.Printable;
import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Runs one {@code flowbase} command line against an environment and two streams. The process
 * entry point passes the real ones; tests pass their own, so they drive exactly what a user types.
 */
public final class Cli {
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final Progress progress;
    private final Console terminal;

    /** Where migration progress goes: nowhere (tests), a redrawn terminal line, or occasional log lines. */
    public enum Progress {
        NONE,
        TERMINAL,
        LINES
    }

    /** A command line that shows no progress: what tests capture is only what the command prints. */
    public Cli(Map<String, String> environment, PrintStream out, PrintStream err) {
        this(environment, out, err, Progress.NONE);
    }

    public Cli(Map<String, String> environment, PrintStream out, PrintStream err, Progress progress) {
        this(environment, out, err, progress, null);
    }

    private Cli(
            Map<String, String> environment, PrintStream out, PrintStream err, Progress progress, Console terminal) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
        this.progress = progress;
        this.terminal = terminal;
    }

    /** The process's own streams; System.console() is null when the process is not attached to a terminal. */
    public static Cli system() {
        Console console = System.console();
        return new Cli(
                System.getenv(), System.out, System.err, console != null ? Progress.TERMINAL : Progress.LINES, console);
    }

    /** Runs {@code args} and returns the exit status. */
    public int run(String... args) {
        FlowbaseCommand root = new FlowbaseCommand(this);
        CommandLine commandLine = new CommandLine(root);
        Subcommands.addTo(commandLine, args);
        commandLine
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new Failures(root))
                .setParameterExceptionHandler((ex, cmdArgs) -> {
                    err.println("flowbase: " + Printable.escape(ex.getMessage()));
                    err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
                    return ErrorCode.INVALID_ARGUMENT.exitCode();
                })
                .setExecutionStrategy(parseResult -> {
                    // --help and --version log nothing: answering them before Logback starts saves its classes.
                    Integer helped = CommandLine.executeHelpRequest(parseResult);
                    if (helped != null) {
                        return helped;
                    }
                    Logging.configure(
                            logFormat(root), root.verbose ? Logging.Detail.VERBOSE : Logging.Detail.NORMAL, err);
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

    Progress progress() {
        return progress;
    }

    /** The terminal a person types at, for questions; empty for scripts, pipes and tests in process. */
    Optional<Console> terminal() {
        return Optional.ofNullable(terminal);
    }

    private LogFormat logFormat(FlowbaseCommand root) {
        String format =
                root.logFormat != null ? root.logFormat : environment.getOrDefault("FLOWBASE_LOG_FORMAT", "text");
        return "json".equals(format.toLowerCase(Locale.ROOT)) ? LogFormat.JSON : LogFormat.TEXT;
    }
}
