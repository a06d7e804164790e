package dev.flowbase.migrate;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Questions about the history rows read at one moment: what is applied, what failed, where the baseline is. */
record History(List<HistoryRow> rows) {

    History {
        rows = List.copyOf(rows);
    }

    /** The latest row of every version that counts as applied (versioned success or baseline), by version. */
    TreeMap<Version, HistoryRow> applied() {
        TreeMap<Version, HistoryRow> applied = new TreeMap<>();
        rows.stream().filter(HistoryRow::isApplied).forEach(r -> applied.put(r.version(), r));
        return applied;
    }

    /** Applied versioned rows only: what an undo may act on. */
    TreeMap<Version, HistoryRow> appliedVersioned() {
        TreeMap<Version, HistoryRow> applied = applied();
        applied.values().removeIf(r -> r.type() != MigrationType.VERSIONED);
        return applied;
    }

    Optional<Version> baseline() {
        return rows.stream()
                .filter(r -> r.is(MigrationType.BASELINE, MigrationState.SUCCESS))
                .map(HistoryRow::version)
                .max(Comparator.naturalOrder());
    }

    Optional<Version> highestApplied() {
        TreeMap<Version, HistoryRow> applied = applied();
        return applied.isEmpty() ? Optional.empty() : Optional.of(applied.lastKey());
    }

    /** The failed row of a script of {@code type}, by its key (version, or description for repeatables). */
    Optional<HistoryRow> failed(MigrationType type, String key) {
        return rows.stream()
                .filter(r -> r.type() == type && r.state().unfinished() && key.equals(key(r)))
                .reduce((first, second) -> second);
    }

    /** The latest successful run of each repeatable script, by description. */
    Map<String, HistoryRow> repeatables() {
        Map<String, HistoryRow> latest = new LinkedHashMap<>();
        rows.stream()
                .filter(r -> r.is(MigrationType.REPEATABLE, MigrationState.SUCCESS))
                .forEach(r -> latest.put(r.description(), r));
        return latest;
    }

    List<HistoryRow> failures() {
        return rows.stream().filter(r -> r.state().unfinished()).toList();
    }

    int nextRank() {
        return rows.stream().mapToInt(HistoryRow::installedRank).max().orElse(0) + 1;
    }

    static String key(HistoryRow r) {
        return r.version() != null ? r.version().toString() : r.description();
    }
}
