package dev.flowbase.migrate;

import java.util.List;

/**
 * What {@code migrate adopt-flyway} wrote: one entry per script Flyway had applied, now in
 * Flowbase's history table; Flyway's table is left as it was.
 */
public record AdoptResult(String flywayTable, String table, List<Adopted> adopted) {
    public AdoptResult {
        adopted = List.copyOf(adopted);
    }

    /** @param version null for a repeatable script */
    public record Adopted(String version, String description, String script, String type) {}
}
