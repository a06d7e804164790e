package dev.flowbase.server.cli;

import dev.flowbase.config.FlowbaseConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
        name = "config",
        description = "Inspect the effective configuration; make and rotate the master key.",
        subcommands = {ConfigCommand.Show.class, ConfigKeyCommands.GenerateKey.class, ConfigKeyCommands.RotateKey.class
        })
final class ConfigCommand {

    @Command(name = "show", description = "Print every setting, its value (secrets masked) and where it came from.")
    static final class Show extends BaseCommand {
        @Override
        public Integer call() {
            FlowbaseConfig config = config();
            if (json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("environment", config.environment());
                doc.put("engine", config.database().engine().id());
                doc.put(
                        "settings",
                        config.entries().stream()
                                .map(e -> Map.of(
                                        "key",
                                        e.key(),
                                        "value",
                                        e.shownValue(),
                                        "source",
                                        e.source().describe()))
                                .toList());
                Output.json(out(), doc);
            } else {
                List<List<String>> rows = config.entries().stream()
                        .map(e -> List.of(e.key(), e.shownValue(), e.source().describe()))
                        .toList();
                Output.table(out(), List.of("SETTING", "VALUE", "SOURCE"), rows);
            }
            return 0;
        }
    }
}
