package dev.flowbase.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration setting, declared once: its config-file key, its command-line flag, its
 * environment variables (the first one set wins), how its text is parsed and checked, its default,
 * and how it is shown. {@code flowbase config show}, the loader, the error messages and the docs
 * all read this one declaration, so a new setting is written here and nowhere else. How a value is
 * parsed is its {@link Parser}'s business, how it is shown its {@link Masking}'s.
 */
public final class Setting<T> {
    private final String key;
    private final String flag;
    private final Masking masking;
    private final Parser<T> parser;
    private final T defaultValue;
    private final List<String> environmentVariables;

    Setting(String key, String flag, Masking masking, Parser<T> parser, T defaultValue, List<String> variables) {
        this.key = key;
        this.flag = flag;
        this.masking = masking;
        this.parser = parser;
        this.defaultValue = defaultValue;
        this.environmentVariables = variables;
    }

    /** Every setting, in the order declared. */
    public static List<Setting<?>> all() {
        return Settings.all();
    }

    /** The dotted key in the config file, for example {@code database.pool.max}. */
    public String key() {
        return key;
    }

    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    public Parser<T> parser() {
        return parser;
    }

    /** The value when no source sets one; empty for settings without a default. */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The default as text, as a user would write it. */
    public Optional<String> defaultText() {
        return defaultValue().map(String::valueOf);
    }

    public List<String> environmentVariables() {
        return environmentVariables;
    }

    /** The value as it may be shown to a person: secrets become {@code ****}. */
    public String display(String value) {
        return masking.show(value);
    }

    public static Optional<Setting<?>> byKey(String key) {
        return all().stream().filter(s -> s.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(key);
    }
}
