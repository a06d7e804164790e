package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.seed.AdminKeys;
import dev.flowbase.util.Printable;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "api-key",
        description = "Manage API keys with database access.",
        subcommands = ApiKeyCommand.Create.class)
final class ApiKeyCommand {

    @Command(
            name = "create",
            description = "Mint a new API key in the default organization (audited); the key is shown once.")
    static final class Create extends BaseCommand {
        @Option(
                names = "--role",
                paramLabel = "ROLE",
                defaultValue = "admin",
                description = "admin, operator or viewer.")
        String role;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = "created by flowbase api-key create")
        String name;

        @Override
        public Integer call() {
            String actor = "cli:" + System.getProperty("user.name", "unknown");
            try (Database db = Database.open(config().database())) {
                String key = AdminKeys.create(db, role, name, actor);
                if (json()) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("role", role);
                    doc.put("name", name);
                    doc.put("key", key);
                    Output.json(out(), doc);
                } else {
                    out().println("Created a " + role + " API key \"" + Printable.escape(name) + "\".");
                    InitOutput.printKey(out(), key);
                }
            }
            return 0;
        }
    }
}
