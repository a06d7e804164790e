package dev.flowbase.store;

import dev.flowbase.error.InvalidFieldException;
import java.util.Objects;

/** Argument checks of the stores' records: each failure names the field, the value and what would do. */
final class Checks {
    private Checks() {}

    static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, value == null ? "null" : "'" + value + "'", "a non-empty text");
        }
        return value;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field, "null", "a value");
        }
        return value;
    }

    static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw invalid(field, String.valueOf(value), min + " or more");
        }
        return value;
    }

    static InvalidFieldException invalid(String field, String shown, String expected) {
        return new InvalidFieldException(field, shown, expected);
    }

    static <T> T orDefault(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
