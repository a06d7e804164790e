package dev.flowbase.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of the raw settings; a value that does not parse adds a problem and reads as absent. */
final class SettingReader {
    private final Map<Setting, SettingValue> raw;
    private final List<ConfigProblem> problems;

    SettingReader(Map<Setting, SettingValue> raw, List<ConfigProblem> problems) {
        this.raw = raw;
        this.problems = problems;
    }

    Optional<SettingValue> raw(Setting setting) {
        return Optional.ofNullable(raw.get(setting));
    }

    Optional<String> text(Setting setting) {
        return raw(setting).map(v -> v.raw().strip()).filter(s -> !s.isEmpty());
    }

    Optional<Boolean> bool(Setting setting) {
        return parsed(setting, Values::parseBoolean, Values.BOOLEAN_EXPECTED);
    }

    Optional<Integer> port(Setting setting) {
        return parsed(setting, Values::parsePort, Values.PORT_EXPECTED);
    }

    Optional<Integer> integer(Setting setting, int min, int max, String expected) {
        return parsed(setting, t -> Values.parseInt(t).filter(i -> i >= min && i <= max), expected);
    }

    /** Adds a problem for {@code setting} unless {@code ok}; returns {@code ok}. */
    boolean check(Setting setting, boolean ok, String expected) {
        if (!ok) {
            problem(setting, expected);
        }
        return ok;
    }

    void problem(Setting setting, String expected) {
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
        return raw(Setting.DATABASE_URL)
                .or(() -> raw(Setting.DATABASE_HOST))
                .map(SettingValue::source)
                .orElse(Source.DEFAULT);
    }

    private <T> Optional<T> parsed(
            Setting setting, java.util.function.Function<String, Optional<T>> parser, String expected) {
        Optional<String> text = text(setting);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> value = parser.apply(text.get());
        if (value.isEmpty()) {
            problem(setting, expected);
        }
        return value;
    }
}
