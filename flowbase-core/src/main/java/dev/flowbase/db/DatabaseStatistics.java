package dev.flowbase.db;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Figures from the engine's own catalogs, at one moment. What an engine does not keep is null
 * (SQLite has no sessions and no cache-hit ratio; only PostgreSQL counts dead rows and vacuums).
 *
 * @param engineFigures what only this engine reports: InnoDB's buffer pool, SQLite's pages and WAL
 */
public record DatabaseStatistics(
        List<Table> tables,
        List<Index> indexes,
        Double cacheHitRatio,
        Integer activeSessions,
        Integer waitingSessions,
        Double longestStatementSeconds,
        Map<String, Long> engineFigures) {

    public DatabaseStatistics {
        tables = List.copyOf(tables);
        indexes = List.copyOf(indexes);
        engineFigures = Map.copyOf(engineFigures);
    }

    /** A table: its estimated rows, its size and its indexes' size in bytes, and upkeep where kept. */
    public record Table(
            String name,
            Long rowEstimate,
            Long tableBytes,
            Long indexBytes,
            Long deadRows,
            Instant lastVacuum,
            Instant lastAnalyze) {}

    /** An index: its size in bytes and how often it was used, where the engine counts that. */
    public record Index(String table, String name, Long bytes, Long scans) {}

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }
}
