package dev.flowbase.backup;

import java.util.Map;

/** What a restore did: the archive's manifest, the target, whether old rows were replaced, the rows per table. */
public record RestoreReport(
        Manifest manifest, String target, String migratedFrom, boolean replaced, Map<String, Long> rows) {
    public RestoreReport {
        rows = Map.copyOf(rows);
    }
}
