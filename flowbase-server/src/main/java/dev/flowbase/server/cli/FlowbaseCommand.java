package dev.flowbase.server.cli;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.Settings;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command; its options are global and may be given before or after a subcommand. */
@Command(
        name = "flowbase",
        versionProvider = VersionProvider.class,
        description = "The database layer of AI workflow orchestrators.")
// The subcommands are added by Cli, only the one a command line names (Subcommands).
public final class FlowbaseCommand {
    final Cli cli;

    /** Inherited, so every subcommand answers it; --version stays here, since `migrate baseline --version V` is taken. */
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    boolean help;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "Print the version and exit.")
    boolean version;

    @Option(
            names = "--url",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description = "Database URL: postgresql://…, mariadb://…, sqlite:PATH, or a jdbc: URL.")
    String url;

    @Option(
            names = "--config",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "Config file (default: ./flowbase.yml when present).")
    Path configFile;

    @Option(
            names = "--environment",
            scope = ScopeType.INHERIT,
            paramLabel = "E",
            description = "development, testing, production, …")
    String environment;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print one JSON document for scripts.")
    boolean json;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Log more detail.")
    boolean verbose;

    @Option(
            names = "--log-format",
            scope = ScopeType.INHERIT,
            paramLabel = "FORMAT",
            description = "text (default) or json lines.")
    String logFormat;

    FlowbaseCommand(Cli cli) {
        this.cli = cli;
    }

    /** Flags, then the environment, then the config file, then defaults; {@code extra} adds command flags. */
    ConfigLoader configLoader() {
        ConfigLoader loader = new ConfigLoader().environment(cli.environment());
        // The command line reads ./flowbase.yml when present; --config names a file that must exist.
        return (configFile != null ? loader.configFile(configFile) : loader.defaultConfigFileIfPresent())
                .flag(Settings.DATABASE_URL, url)
                .flag(Settings.ENVIRONMENT, environment)
                .flag(Settings.LOG_FORMAT, logFormat);
    }

    FlowbaseConfig loadConfig() {
        return configLoader().load();
    }
}
