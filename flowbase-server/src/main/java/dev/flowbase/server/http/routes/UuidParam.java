package dev.flowbase.server.http.routes;

import dev.flowbase.error.InvalidFieldException;
import java.util.UUID;

/** A UUID from a query parameter, with an error that names it. */
final class UuidParam {
    private UuidParam() {}

    static UUID parse(String field, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "'" + text + "'", "a UUID");
        }
    }
}
