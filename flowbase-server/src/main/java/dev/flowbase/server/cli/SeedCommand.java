package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.seed.SeedReport;
import dev.flowbase.seed.Seeder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "seed",
        description = "Seed data per environment.",
        subcommands = {SeedCommand.Run.class, SeedCommand.Clean.class})
final class SeedCommand {

    @Command(name = "run", description = "Insert the seed rows of the environment that are missing (idempotent).")
    static final class Run extends BaseCommand {
        @Override
        public Integer call() {
            var config = config();
            try (Database db = Database.open(config.database())) {
                SeedReport report = new Seeder(db, Clock.systemUTC()).run(config.environment());
                if (json()) {
                    Output.json(
                            out(),
                            Map.of(
                                    "environment", report.environment(),
                                    "seeds", report.seeds(),
                                    "inserted", report.totalInserted()));
                } else {
                    List<List<String>> rows = report.seeds().stream()
                            .map(s -> List.of(s.name(), s.revision(), String.valueOf(s.total()), byTable(s.inserted())))
                            .toList();
                    Output.table(out(), List.of("SEED", "REVISION", "INSERTED", "BY TABLE"), rows);
                }
            }
            return 0;
        }
    }

    /** {@code organizations 1, configurations 6}: the tables that got rows, in the order they were written. */
    static String byTable(Map<String, Integer> inserted) {
        String text = inserted.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? "-" : text;
    }

    @Command(
            name = "clean",
            description = "Delete every row of Flowbase's tables. Refused in production and without --confirm.")
    static final class Clean extends BaseCommand {
        @Option(names = "--confirm", description = "Yes: delete every row of Flowbase's tables.")
        boolean confirm;

        @Override
        public Integer call() {
            var config = config();
            if (!confirm) {
                throw new FlowbaseException(
                        ErrorCode.REFUSED,
                        "seed clean deletes every row of Flowbase's tables in "
                                + config.database().describeTarget() + "; run it again with --confirm");
            }
            try (Database db = Database.open(config.database())) {
                new Seeder(db, Clock.systemUTC()).clean(config.environment());
            }
            if (json()) {
                Output.json(out(), Map.of("cleaned", true));
            } else {
                out().println("Deleted every row of Flowbase's tables; the schema and its history are kept.");
            }
            return 0;
        }
    }
}
