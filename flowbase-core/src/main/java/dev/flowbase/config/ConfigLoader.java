package dev.flowbase.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link FlowbaseConfig} from flags, environment variables, a config file and defaults,
 * highest first. Every problem is collected before anything is thrown, so one run shows them all.
 */
public final class ConfigLoader {
    public static final Path DEFAULT_CONFIG_FILE = Path.of("flowbase.yml");

    private final Map<Setting, String> flags = new EnumMap<>(Setting.class);
    private Map<String, String> environment = Map.of();
    private Path configFile;
    private boolean configFileExplicit;

    public ConfigLoader flag(Setting setting, String value) {
        if (value != null) {
            flags.put(setting, value);
        }
        return this;
    }

    public ConfigLoader environment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /** A config file that must exist; without one, {@code ./flowbase.yml} is read when present. */
    public ConfigLoader configFile(Path file) {
        this.configFile = file;
        this.configFileExplicit = file != null;
        return this;
    }

    public FlowbaseConfig load() {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, ConfigFile.Entry> fileEntries = readFile(problems);
        Map<Setting, SettingValue> raw = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            pick(setting, fileEntries).ifPresent(v -> raw.put(setting, v));
        }
        fileEntries.keySet().stream()
                .filter(key -> Setting.byKey(key).isEmpty())
                .forEach(key -> problems.add(new ConfigProblem(
                        key, fileEntries.get(key).source(), null, "unknown setting; see docs/configuration.md")));

        var values = new SettingReader(raw, problems);
        String env = values.text(Setting.ENVIRONMENT)
                .flatMap(e -> {
                    Optional<String> name = Environments.canonical(e);
                    values.check(Setting.ENVIRONMENT, name.isPresent(), Environments.EXPECTED);
                    return name;
                })
                .orElse(Environments.DEVELOPMENT);
        DatabaseConfig database = new DatabaseResolver(values).resolve();
        Optional<String> redis = values.text(Setting.REDIS_URL)
                .filter(url -> values.check(
                        Setting.REDIS_URL,
                        url.startsWith("redis://") || url.startsWith("rediss://"),
                        "expected redis://[user:password@]host:port[/db] or rediss://…"));
        String host = values.text(Setting.SERVER_HOST).orElse(ServerSettings.DEFAULT_HOST);
        int port = values.integer(
                        Setting.SERVER_PORT, 0, 65535, "expected a port from 1 to 65535, or 0 to pick a free one")
                .orElse(ServerSettings.DEFAULT_PORT);
        var logFormat = values.text(Setting.LOG_FORMAT)
                .filter(f ->
                        values.check(Setting.LOG_FORMAT, f.equals("text") || f.equals("json"), "expected text or json"))
                .map(f -> FlowbaseConfig.LogFormat.valueOf(f.toUpperCase(java.util.Locale.ROOT)))
                .orElse(FlowbaseConfig.LogFormat.TEXT);

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new FlowbaseConfig(
                env, database, redis, new ServerSettings(host, port), logFormat, values.entries(database));
    }

    private Map<String, ConfigFile.Entry> readFile(List<ConfigProblem> problems) {
        Path file = configFile != null ? configFile : DEFAULT_CONFIG_FILE;
        if (!Files.exists(file)) {
            if (configFileExplicit) {
                problems.add(new ConfigProblem(
                        "config", Source.flag("--config"), file.toString(), "expected an existing YAML file"));
            }
            return Map.of();
        }
        return ConfigFile.read(file, problems);
    }

    private Optional<SettingValue> pick(Setting setting, Map<String, ConfigFile.Entry> fileEntries) {
        String flagValue = flags.get(setting);
        if (flagValue != null) {
            return Optional.of(new SettingValue(
                    setting, flagValue, Source.flag(setting.flag().orElse("--" + setting.key()))));
        }
        for (String variable : setting.environmentVariables()) {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                return Optional.of(new SettingValue(setting, value, Source.environment(variable)));
            }
        }
        ConfigFile.Entry entry = fileEntries.get(setting.key());
        if (entry != null) {
            return Optional.of(new SettingValue(setting, entry.value(), entry.source()));
        }
        return setting.defaultValue().map(d -> new SettingValue(setting, d, Source.DEFAULT));
    }
}
