package dev.flowbase.migrate;

import java.util.Locale;

/**
 * An object of the database that {@code migrate clean} drops.
 *
 * @param kind as the engine's DROP statement names it: {@code TABLE}, {@code VIEW}, {@code FUNCTION}, …
 * @param name its name, or for PostgreSQL routines its signature as the engine prints it
 */
public record DbObject(String kind, String name) {
    @Override
    public String toString() {
        return kind.toLowerCase(Locale.ROOT) + " " + name;
    }
}
