package dev.flowbase.store;

import java.util.Locale;

/** The lower-case spelling of enum values that the schema stores and messages show. */
final class Names {
    private Names() {}

    static String of(Object value) {
        return value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(value);
    }
}
