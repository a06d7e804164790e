package dev.flowbase.migrate;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;

/**
 * Refuses a history table that records another set's scripts: none of its applied versions is a
 * file of this location, by name or by text. Repairing it would overwrite the other set's
 * checksums for good.
 */
final class OwnHistory {
    private OwnHistory() {}

    static void require(ScriptSet scripts, History history, String table, MigrationLocation location) {
        var applied = history.appliedVersioned().values();
        boolean ours = applied.isEmpty()
                || applied.stream()
                        .anyMatch(r -> scripts.versioned(r.version())
                                .filter(s -> s.name().equals(r.script())
                                        || s.checksum().equals(r.checksum()))
                                .isPresent());
        if (!ours) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    "History table " + table + " records scripts that are not in " + location + " (such as "
                            + applied.iterator().next().script() + "): it holds another migration set's history;"
                            + " give this set a history table of its own with --table");
        }
    }
}
