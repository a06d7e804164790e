package dev.flowbase.server.cli;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.Printable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into its exit status and a plain reason on standard error (or one JSON
 * document on standard output with {@code --json}). Stack traces only with {@code --verbose}.
 */
final class Failures implements IExecutionExceptionHandler {
    private final FlowbaseCommand root;

    Failures(FlowbaseCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        ErrorCode code = e instanceof FlowbaseException fe ? fe.code() : ErrorCode.INTERNAL;
        String message = e instanceof FlowbaseException
                ? e.getMessage()
                : "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
        if (root.verbose) {
            // Looked up here, not held in a static field: this handler is made for every command
            // line, and a logger made with it would start Logback for --help (bench/RESULTS.md).
            Logger log = LoggerFactory.getLogger(Failures.class);
            log.debug("{} failed", commandLine.getCommandName(), e);
        }
        if (root.json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code.slug());
            error.put("exitCode", code.exitCode());
            error.put("message", message);
            Output.json(root.cli.out(), Map.of("error", error));
        } else {
            // Each line escaped: a value quoted in the message must not move the cursor or recolour the terminal.
            message.lines().forEach(line -> root.cli.err().println("flowbase: " + Printable.escape(line)));
        }
        return code.exitCode();
    }
}
