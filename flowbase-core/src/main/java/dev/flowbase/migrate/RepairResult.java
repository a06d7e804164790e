package dev.flowbase.migrate;

import java.util.List;

/** What {@code repair} changed in the history, one line per change; empty when nothing needed it. */
public record RepairResult(List<String> changes) {
    public RepairResult {
        changes = List.copyOf(changes);
    }
}
