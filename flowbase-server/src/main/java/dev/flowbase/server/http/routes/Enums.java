package dev.flowbase.server.http.routes;

import dev.flowbase.error.InvalidFieldException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Query and path values parsed with errors that name the parameter and what it takes. */
final class Enums {
    private Enums() {}

    static <E extends Enum<E>> E parse(String field, String text, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        throw new InvalidFieldException(
                field,
                "'" + text + "'",
                "one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(e -> e.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")));
    }

    static int positive(String field, String text) {
        try {
            int v = Integer.parseInt(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidFieldException(field, "'" + text + "'", "a whole number >= 1");
    }
}
