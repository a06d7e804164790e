package dev.flowbase.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of the raw settings; a value that does not parse adds a problem and reads as absent. */
final class SettingReader {
    private final Map<Setting<?>, SettingValue> raw;
    private final List<ConfigProblem> problems;

    SettingReader(Map<Setting<?>, SettingValue> raw, List<ConfigProblem> problems) {
        this.raw = raw;
        this.problems = problems;
    }

    Optional<SettingValue> raw(Setting<?> setting) {
        return Optional.ofNullable(raw.get(setting));
    }

    /** The value from the highest source that sets it (its default included), parsed by the setting's parser. */
    <T> Optional<T> get(Setting<T> setting) {
        Optional<String> text = raw(setting).map(v -> v.raw().strip()).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> value = setting.parser().apply(text.get());
        if (value.isEmpty()) {
            problem(setting, setting.parser().expected());
        }
        return value;
    }

    /** {@link #get}, or the default where the value does not parse (the problem is reported either way). */
    <T> T value(Setting<T> setting) {
        return get(setting)
                .or(setting::defaultValue)
                .orElseThrow(() -> new IllegalStateException(setting + " has no default"));
    }

    void problem(Setting<?> setting, String expected) {
        raw(setting).ifPresent(v -> problems.add(v.problem(expected)));
    }

    void problem(ConfigProblem problem) {
        problems.add(problem);
    }

    List<ConfigEntry> entries(DatabaseConfig database) {
        List<ConfigEntry> entries = new ArrayList<>();
        entries.add(new ConfigEntry("database.target", database.describeTarget(), resolvedFrom()));
        for (SettingValue v : raw.values()) {
            entries.add(new ConfigEntry(v.setting().key(), v.setting().display(v.raw()), v.source()));
        }
        return entries;
    }

    private Source resolvedFrom() {
        return raw(Settings.DATABASE_URL)
                .or(() -> raw(Settings.DATABASE_HOST))
                .map(SettingValue::source)
                .orElse(Source.DEFAULT);
    }
}
