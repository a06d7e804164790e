package dev.flowbase.migrate;

import java.time.Instant;

/** A row of Flyway's history table ({@code flyway_schema_history}), as Flyway 6 to 13 write it. */
record FlywayRow(
        int installedRank,
        String version,
        String description,
        String type,
        String script,
        Integer checksum,
        String installedBy,
        Instant installedOn,
        long executionTime,
        boolean success) {

    String shown() {
        return (version == null ? "" : "version " + version + " ") + "(" + script + ")";
    }
}
