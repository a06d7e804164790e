package dev.flowbase.server.cli;

import dev.flowbase.setup.Setup;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "reset",
        description = "Drop every Flowbase table and run init again. Refused in production and without --confirm.")
final class ResetCommand extends BaseCommand {

    @Option(names = "--confirm", description = "Yes: delete every Flowbase table and its rows.")
    boolean confirm;

    @Option(names = "--skip-redis", description = "Do not check Redis even when REDIS_URL is set.")
    boolean skipRedis;

    @Override
    public Integer call() {
        Setup setup = new Setup(config(), Clock.systemUTC(), InitOutput.progress(out(), json()));
        return InitOutput.run(
                out(),
                json(),
                setup,
                s -> s.reset(
                        confirm ? Setup.Confirmation.CONFIRMED : Setup.Confirmation.NOT_CONFIRMED,
                        skipRedis ? Setup.Redis.SKIP : Setup.Redis.CHECK));
    }
}
