package dev.flowbase.config;

import dev.flowbase.util.Printable;

/**
 * One thing wrong with the configuration: which setting, where it came from, the value as it may
 * be shown (masked when secret) and what would be accepted.
 */
public record ConfigProblem(String field, Source source, String shownValue, String expected) {

    /** One line such as {@code DB_PORT=99999 (environment variable): expected a port from 1 to 65535}. */
    public String describe() {
        String name = switch (source.kind()) {
            case FLAG, ENVIRONMENT -> source.where();
            case FILE, DEFAULT -> field;
        };
        String where = source.kind() == Source.Kind.FILE
                ? source.where()
                : source.kind().label();
        String value = shownValue == null ? "" : "=" + shownValue;
        // The name and value come from outside (a file's key, a variable's value): shown escaped.
        return Printable.escape(name + value) + " (" + Printable.escape(where) + "): " + expected;
    }
}
