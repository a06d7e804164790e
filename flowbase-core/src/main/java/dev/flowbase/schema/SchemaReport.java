package dev.flowbase.schema;

import java.util.List;

/**
 * The result of {@code schema validate}: the version the live schema was compared at, and every
 * difference from what the migrations up to that version produce.
 */
public record SchemaReport(String engine, String version, List<SchemaDifference> differences) {
    public SchemaReport {
        differences = List.copyOf(differences);
    }

    public boolean matches() {
        return differences.isEmpty();
    }
}
