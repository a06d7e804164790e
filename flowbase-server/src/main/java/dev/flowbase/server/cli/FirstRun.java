package dev.flowbase.server.cli;

import dev.flowbase.config.Environments;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.Source;
import dev.flowbase.engine.Engine;
import dev.flowbase.setup.Setup;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code serve} on a new machine: on the embedded default (SQLite, no database setting from any
 * source, not production) whose file does not exist yet, the database is initialised as
 * {@code init} does, and the first admin key is kept so that serve can print a one-time sign-in
 * link. Anywhere else nothing happens: production and configured databases keep their rules.
 */
final class FirstRun {
    private FirstRun() {}

    /** Whether this configuration is the untouched embedded default on a file that is not there yet. */
    static boolean applies(FlowbaseConfig config) {
        return config.database().engine() == Engine.EMBEDDED_DEFAULT
                && !Environments.PRODUCTION.equals(config.environment())
                && config.entries().stream()
                        .filter(e -> e.key().startsWith("database."))
                        .allMatch(e -> e.source().kind() == Source.Kind.DEFAULT)
                && !Files.exists(Path.of(config.database().database()));
    }

    /** Initialises the database, printing init's steps; the first admin key, when one was made. */
    static Optional<String> initialise(FlowbaseConfig config, PrintStream out) {
        out.println("First run: initialising " + config.database().describeTarget());
        Optional<String> key = new Setup(config, Clock.systemUTC(), step -> out.println("  " + step))
                .init(Setup.Redis.SKIP)
                .adminKey();
        out.flush();
        return key;
    }
}
