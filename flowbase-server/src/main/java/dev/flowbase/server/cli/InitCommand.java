package dev.flowbase.server.cli;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.Source;
import dev.flowbase.setup.Setup;
import java.io.Console;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "init",
        description = {
            "Create the database when missing, migrate, seed defaults, check Redis; safe to run again.",
            "On a terminal, with no flags, no database setting and no ./flowbase.yml, it asks its questions"
                    + " as a wizard and writes flowbase.yml first."
        })
final class InitCommand extends BaseCommand {

    @Option(names = "--skip-redis", description = "Do not check Redis even when REDIS_URL is set.")
    boolean skipRedis;

    @Option(
            names = {"-y", "--yes"},
            description = "Ask nothing, even on a terminal: settings come from flags, the environment and the file.")
    boolean yes;

    @Override
    public Integer call() {
        Optional<Console> terminal = root().cli.terminal();
        if (terminal.isPresent() && nothingConfigured()) {
            return new InitWizardRun(root().cli.environment(), out()).run(new Prompts(terminal.get()));
        }
        Setup setup = new Setup(config(), Clock.systemUTC(), InitOutput.progress(out(), json()));
        return InitOutput.run(out(), json(), setup, s -> s.init(skipRedis ? Setup.Redis.SKIP : Setup.Redis.CHECK));
    }

    /** No flag, no config file and no database setting from the environment: the wizard's case. */
    private boolean nothingConfigured() {
        FlowbaseCommand root = root();
        if (yes
                || skipRedis
                || root.json
                || root.url != null
                || root.configFile != null
                || root.environment != null
                || Files.exists(ConfigLoader.DEFAULT_CONFIG_FILE)) {
            return false;
        }
        FlowbaseConfig config = config();
        return config.entries().stream()
                .filter(e -> e.key().startsWith("database.") || e.key().equals("environment"))
                .allMatch(e -> e.source().kind() == Source.Kind.DEFAULT);
    }
}
