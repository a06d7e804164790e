package dev.flowbase.server.cli;

import dev.flowbase.setup.Setup;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "init",
        description = "Create the database when missing, migrate, seed defaults, check Redis; safe to run again.")
final class InitCommand extends BaseCommand {

    @Option(names = "--skip-redis", description = "Do not check Redis even when REDIS_URL is set.")
    boolean skipRedis;

    @Override
    public Integer call() {
        Setup setup = new Setup(config(), Clock.systemUTC(), InitOutput.progress(out(), json()));
        return InitOutput.run(out(), json(), setup, s -> s.init(skipRedis));
    }
}
