package dev.flowbase.config;

import java.util.Locale;
import java.util.Optional;

/** Parsers for the kinds of value settings hold; each says what it accepts. */
final class Values {
    static final String PORT_EXPECTED = "expected a port, a whole number from 1 to 65535";
    static final String BOOLEAN_EXPECTED = "expected true or false (also yes/no, on/off, 1/0)";

    private Values() {}

    static Optional<Boolean> parseBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Optional.of(true);
            case "false", "no", "off", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    static Optional<Integer> parsePort(String text) {
        return parseInt(text).filter(p -> p >= 1 && p <= 65535);
    }

    static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
