package dev.flowbase.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds a {@link FlowbaseConfig} from flags, environment variables, a config file and defaults,
 * highest first. Every problem is collected before anything is thrown, so one run shows them all.
 */
public final class ConfigLoader {
    public static final Path DEFAULT_CONFIG_FILE = Path.of("flowbase.yml");

    private final Map<Setting<?>, String> flags = new HashMap<>();
    private Map<String, String> environment = Map.of();
    static final String PLACEHOLDER_KEY = "migrate.placeholders.";
    static final String PLACEHOLDER_VARIABLE = "FLOWBASE_PLACEHOLDER_";

    private final Map<String, String> placeholderFlags = new LinkedHashMap<>();
    private Path configFile;
    private boolean configFileExplicit;

    public ConfigLoader flag(Setting<?> setting, String value) {
        if (value != null) {
            flags.put(setting, value);
        }
        return this;
    }

    public ConfigLoader environment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /** A config file that must exist; null for none. */
    public ConfigLoader configFile(Path file) {
        this.configFile = file;
        this.configFileExplicit = file != null;
        return this;
    }

    /**
     * {@code ./flowbase.yml} when it exists, as the command line reads it. A library reads no file
     * it was not given: without this call (or {@link #configFile}) no file is read at all.
     */
    public ConfigLoader defaultConfigFileIfPresent() {
        this.configFile = DEFAULT_CONFIG_FILE;
        this.configFileExplicit = false;
        return this;
    }

    /** A migration placeholder's value, by its name: {@code --placeholder name=value}. */
    public ConfigLoader placeholder(String name, String value) {
        placeholderFlags.put(name, value);
        return this;
    }

    /**
     * Placeholder values, flags over variables over the file: {@code migrate.placeholders.NAME} in
     * flowbase.yml, {@code FLOWBASE_PLACEHOLDER_NAME} (the name lower-cased, as Flyway reads its
     * variables), {@code --placeholder NAME=VALUE}.
     */
    private Map<String, String> placeholders(Map<String, ConfigFile.Entry> fileEntries) {
        Map<String, String> values = new TreeMap<>();
        fileEntries.forEach((key, entry) -> {
            if (key.startsWith(PLACEHOLDER_KEY)) {
                values.put(key.substring(PLACEHOLDER_KEY.length()), entry.value());
            }
        });
        environment.forEach((variable, value) -> {
            if (variable.startsWith(PLACEHOLDER_VARIABLE) && variable.length() > PLACEHOLDER_VARIABLE.length()) {
                values.put(variable.substring(PLACEHOLDER_VARIABLE.length()).toLowerCase(Locale.ROOT), value);
            }
        });
        values.putAll(placeholderFlags);
        return values;
    }

    public FlowbaseConfig load() {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, ConfigFile.Entry> fileEntries = readFile(problems);
        Map<Setting<?>, SettingValue> raw = new LinkedHashMap<>();
        for (Setting<?> setting : Setting.all()) {
            pick(setting, fileEntries).ifPresent(v -> raw.put(setting, v));
        }
        fileEntries.keySet().stream()
                .filter(key -> Setting.byKey(key).isEmpty() && !key.startsWith(PLACEHOLDER_KEY))
                .forEach(key -> problems.add(new ConfigProblem(
                        key, fileEntries.get(key).source(), null, "unknown setting; see docs/configuration.md")));

        var values = new SettingReader(raw, problems);
        String env = values.value(Settings.ENVIRONMENT);
        DatabaseConfig database = new DatabaseResolver(values).resolve();
        Optional<String> redis = values.get(Settings.REDIS_URL);
        var security = new SecuritySettings(
                values.get(Settings.MASTER_KEY).map(Secret::new).orElse(Secret.NONE),
                values.get(Settings.MASTER_KEY_FILE).map(Path::of));
        String host = values.value(Settings.SERVER_HOST);
        int port = values.value(Settings.SERVER_PORT);
        var server = new ServerSettings(
                host,
                port,
                values.value(Settings.SERVER_AUTO_MIGRATE),
                values.value(Settings.SERVER_RATE_LIMIT),
                values.value(Settings.SERVER_RATE_BURST),
                values.value(Settings.SERVER_MAX_BODY_BYTES),
                values.get(Settings.SERVER_CORS_ORIGINS).stream()
                        .flatMap(o -> Arrays.stream(o.split(",")))
                        .map(String::trim)
                        .filter(o -> !o.isEmpty())
                        .toList(),
                values.value(Settings.SERVER_SHUTDOWN_GRACE_MS),
                values.value(Settings.SERVER_REAPER_MS),
                values.value(OperationsSettings.LOG_RETENTION_DAYS));
        var alerts = new AlertSettings(
                values.value(OperationsSettings.ALERT_POOL_PERCENT),
                values.value(OperationsSettings.ALERT_DISK_PERCENT),
                values.value(OperationsSettings.ALERT_DEAD_LETTERS),
                Duration.ofSeconds(values.value(OperationsSettings.ALERT_QUEUE_LAG_SECONDS)),
                Duration.ofMillis(values.value(OperationsSettings.ALERT_INTERVAL_MS)),
                values.get(OperationsSettings.ALERT_WEBHOOK_URL));
        // Read later from the entries by the server's backups; checked here so a bad path is one more problem.
        values.get(OperationsSettings.BACKUP_DIRECTORY);
        values.get(OperationsSettings.BACKUP_KEY_FILE);
        var logFormat = FlowbaseConfig.LogFormat.valueOf(
                values.value(Settings.LOG_FORMAT).toUpperCase(Locale.ROOT));

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new FlowbaseConfig(
                env,
                database,
                redis,
                server,
                alerts,
                logFormat,
                security,
                placeholders(fileEntries),
                values.entries(database));
    }

    private Map<String, ConfigFile.Entry> readFile(List<ConfigProblem> problems) {
        if (configFile == null) {
            return Map.of();
        }
        Path file = configFile;
        if (!Files.exists(file)) {
            if (configFileExplicit) {
                problems.add(new ConfigProblem(
                        "config", Source.flag("--config"), file.toString(), "expected an existing YAML file"));
            }
            return Map.of();
        }
        return ConfigFile.read(file, problems);
    }

    private Optional<SettingValue> pick(Setting<?> setting, Map<String, ConfigFile.Entry> fileEntries) {
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
        return setting.defaultText().map(d -> new SettingValue(setting, d, Source.DEFAULT));
    }
}
