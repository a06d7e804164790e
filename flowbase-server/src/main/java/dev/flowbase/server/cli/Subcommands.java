package dev.flowbase.server.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * The top-level commands, in the order the help lists them. Picocli reads the annotations of every
 * command it is given, and each command class brings its own imports' static set-up (a logger,
 * Jackson) with it; so a command line that names a command gets that one alone, and only one that
 * names none, or {@code help} or {@code completion} (which describe the whole tree), or a name
 * that is not a command, gets them all (bench/RESULTS.md).
 */
final class Subcommands {
    private static final Map<String, Class<?>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("serve", ServeCommand.class);
        ALL.put("test-connection", TestConnectionCommand.class);
        ALL.put("config", ConfigCommand.class);
        ALL.put("init", InitCommand.class);
        ALL.put("migrate", MigrateCommand.class);
        ALL.put("schema", SchemaCommand.class);
        ALL.put("seed", SeedCommand.class);
        ALL.put("reset", ResetCommand.class);
        ALL.put("api-key", ApiKeyCommand.class);
        ALL.put("org", OrgCommand.class);
        ALL.put("db", DbCommand.class);
        ALL.put("queue", QueueCommand.class);
        ALL.put("search", SearchCommand.class);
        ALL.put("db", DbCommand.class);
        ALL.put("stats", StatsCommand.class);
        ALL.put("backup", BackupCommand.class);
        ALL.put("status", StatusCommand.class);
        ALL.put("completion", CompletionCommand.class);
        ALL.put("help", HelpCommand.class);
    }

    /** The commands that need every other one loaded beside them. */
    private static final Set<String> WHOLE_TREE = Set.of("help", "completion");

    /** The root's options that take a value, which is not a command's name. */
    private static final Set<String> VALUED = Set.of("--url", "--config", "--environment", "--log-format");

    private Subcommands() {}

    static void addTo(CommandLine root, String... args) {
        String named = commandName(args);
        if (named != null && ALL.containsKey(named) && !WHOLE_TREE.contains(named)) {
            root.addSubcommand(named, ALL.get(named));
        } else {
            ALL.forEach(root::addSubcommand);
        }
    }

    /** The first word that is neither an option nor an option's value, or null. */
    private static String commandName(String... args) {
        for (int i = 0; i < args.length; i++) {
            if ("--".equals(args[i])) {
                return i + 1 < args.length ? args[i + 1] : null;
            }
            if (VALUED.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }
}
