package dev.flowbase.migrate;

import java.util.List;

/** What {@code migrate clean} dropped: the history table first, then every other object, in order. */
public record CleanResult(String table, List<String> dropped) {
    public CleanResult {
        dropped = List.copyOf(dropped);
    }
}
