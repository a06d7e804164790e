package dev.flowbase.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a setting's text becomes its value, and what to say when it does not: the words follow the
 * field, source and value in every configuration error ("expected a port from 1 to 65535").
 */
public record Parser<T>(Function<String, Optional<T>> parse, String expected) {

    public Optional<T> apply(String text) {
        return parse.apply(text.strip());
    }

    public static Parser<String> text() {
        return new Parser<>(t -> t.isEmpty() ? Optional.empty() : Optional.of(t), "expected some text");
    }

    public static Parser<Boolean> bool() {
        return new Parser<>(Parser::parseBoolean, "expected true or false (also yes/no, on/off, 1/0)");
    }

    public static Parser<Integer> port() {
        return integer(1, 65535, "expected a port, a whole number from 1 to 65535");
    }

    public static Parser<Integer> integer(int min, int max, String expected) {
        return new Parser<>(t -> parseInt(t).filter(i -> i >= min && i <= max), expected);
    }

    /**
     * The master key: base64 of 32 bytes, checked when the configuration is read so that
     * {@code config show} and {@code init} refuse a malformed one too.
     */
    public static Parser<String> masterKey() {
        return base64(32, "expected base64 of 32 bytes (44 characters; `openssl rand -base64 32` makes one)");
    }

    /** Base64 text that decodes to exactly {@code length} bytes (a key); the text is kept as given. */
    public static Parser<String> base64(int length, String expected) {
        return new Parser<>(
                t -> {
                    try {
                        return Base64.getDecoder().decode(t).length == length ? Optional.of(t) : Optional.empty();
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                },
                expected);
    }

    /**
     * A file or folder's path, kept as given: text the file system can name, so that a NUL character
     * is refused here with the setting's name rather than failing wherever the path is first used.
     */
    public static Parser<String> path() {
        return new Parser<>(t -> isPath(t) ? Optional.of(t) : Optional.empty(), "expected a file path");
    }

    static boolean isPath(String text) {
        try {
            Path.of(text);
            return !text.isEmpty();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** A URL with one of the {@code schemes} (each written with its {@code ://}); the text is kept as given. */
    public static Parser<String> url(String expected, String... schemes) {
        return new Parser<>(
                t -> {
                    for (String scheme : schemes) {
                        if (t.startsWith(scheme)) {
                            return Optional.of(t);
                        }
                    }
                    return Optional.empty();
                },
                expected);
    }

    /** One of {@code choices}, in any case. */
    public static Parser<String> oneOf(String expected, String... choices) {
        return new Parser<>(
                t -> {
                    String lower = t.toLowerCase(Locale.ROOT);
                    for (String choice : choices) {
                        if (choice.equals(lower)) {
                            return Optional.of(choice);
                        }
                    }
                    return Optional.empty();
                },
                expected);
    }

    static Optional<Boolean> parseBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Optional.of(true);
            case "false", "no", "off", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
