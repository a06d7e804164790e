package dev.flowbase.server.cli;

import dev.flowbase.migrate.CreateResult;
import dev.flowbase.migrate.Migrator;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Needs no database: it only writes files. */
@Command(name = "create", description = "Write the next V<n>__NAME.sql and U<n>__NAME.sql in each engine folder.")
final class MigrateCreateCommand extends BaseCommand {
    @Parameters(paramLabel = "NAME", description = "What the migration does, for example add_user_email.")
    String name;

    @Option(
            names = "--location",
            paramLabel = "DIR",
            defaultValue = "db/migration",
            description = "Folder of your migrations (default: ${DEFAULT-VALUE}).")
    Path location;

    @Override
    public Integer call() {
        CreateResult r = Migrator.create(name, location);
        if (json()) {
            Output.json(
                    out(),
                    Map.of(
                            "version", r.version(),
                            "files", r.files().stream().map(Path::toString).toList()));
        } else {
            r.files().forEach(f -> out().println("created " + f));
        }
        return 0;
    }
}
