package dev.flowbase.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code migrate repair}: what it changes in the history, one line per change for the user. */
final class Repair {
    private Repair() {}

    /** Removes failed entries, records renamed files and accepts the current text of edited ones. */
    static List<String> apply(Connection c, HistoryTable table, ScriptSet scripts, History history)
            throws SQLException {
        List<String> changes = new ArrayList<>();
        for (HistoryRow r : history.failures()) {
            table.delete(c, r.installedRank());
            changes.add("removed the failed entry of " + r.script()
                    + (r.statementsApplied() > 0
                            ? " (" + r.statementsApplied() + " statement(s) of it had been applied and remain)"
                            : ""));
        }
        for (HistoryRow r : history.appliedVersioned().values()) {
            Script file = scripts.versioned(r.version()).orElse(null);
            if (StatusReport.renamed(r, file)) {
                table.setName(c, r.installedRank(), file.name(), file.description());
                changes.add("recorded that " + r.script() + " is now named " + file.name());
            }
            String now = file == null ? r.checksum() : file.checksum();
            if (!now.equals(r.checksum())) {
                table.setChecksum(c, r.installedRank(), now);
                changes.add("accepted the current text of " + r.script() + " (checksum " + now.substring(0, 12) + "…)");
            }
        }
        return changes;
    }
}
