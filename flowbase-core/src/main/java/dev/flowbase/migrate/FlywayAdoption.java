package dev.flowbase.migrate;

import dev.flowbase.db.Database;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes over a database that Flyway migrated. Every script Flyway applied must be in the folder
 * with the checksum Flyway recorded for it (its CRC32); then Flowbase's history gets one row per
 * script, with Flowbase's own checksum and Flyway's install date, user and duration. Flyway's table
 * is only read. Any difference is listed, file by file, and nothing is written.
 */
final class FlywayAdoption {
    static final String DEFAULT_TABLE = "flyway_schema_history";

    private FlywayAdoption() {}

    /** Adopts under the migration lock: refused when Flowbase's history has rows already. */
    static AdoptResult adopt(
            Connection c,
            History history,
            ScriptRunner runner,
            EngineSupport engine,
            Database db,
            String table,
            ScriptSet scripts,
            String source)
            throws SQLException {
        if (!history.rows().isEmpty()) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    table + " already has " + history.rows().size() + " row(s): adopting Flyway's history is only"
                            + " for a database Flowbase has not migrated yet");
        }
        List<FlywayRow> flyway;
        try {
            flyway = read(c, db.dialect(), source);
        } catch (SQLException e) {
            throw new FlowbaseException(
                    ErrorCode.NOT_FOUND,
                    "Cannot read Flyway's history table " + source + " in "
                            + db.config().describeTarget() + ": "
                            + SqlErrors.statement(db.dialect(), "Reading " + source, e)
                                    .getMessage()
                            + " (name another one with --flyway-table)");
        }
        List<HistoryRow> rows = plan(scripts, flyway, source);
        engine.begin(c);
        try {
            for (HistoryRow row : rows) {
                runner.record(row);
            }
            engine.commit(c);
        } catch (SQLException | RuntimeException e) {
            engine.rollback(c);
            throw e;
        }
        return new AdoptResult(
                source,
                table,
                rows.stream()
                        .map(r -> new AdoptResult.Adopted(
                                r.version() == null ? null : r.version().toString(),
                                r.description(),
                                r.script(),
                                r.type().id()))
                        .toList());
    }

    static List<FlywayRow> read(Connection c, Dialect dialect, String table) throws SQLException {
        String q = dialect.quoteIdentifier(table);
        String sql = "SELECT installed_rank, version, description, type, script, checksum, installed_by, installed_on,"
                + " execution_time, success FROM " + q + " ORDER BY installed_rank";
        List<FlywayRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                int checksum = rs.getInt(6);
                Timestamp on = rs.getTimestamp(8);
                rows.add(new FlywayRow(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.wasNull() ? null : checksum,
                        rs.getString(7),
                        on == null ? Instant.EPOCH : on.toInstant(),
                        rs.getLong(9),
                        rs.getBoolean(10)));
            }
        }
        return rows;
    }

    /**
     * Flowbase's history rows for what Flyway applied.
     *
     * @throws FlowbaseException listing every script that is missing or differs, and every row
     *     Flowbase cannot take over (a failed migration, a Java migration, an undo)
     */
    static List<HistoryRow> plan(ScriptSet scripts, List<FlywayRow> flyway, String flywayTable) {
        List<String> problems = new ArrayList<>();
        List<HistoryRow> rows = new ArrayList<>();
        // Flyway records each new run of a repeatable script; only the latest one stands.
        Map<String, FlywayRow> repeatables = new LinkedHashMap<>();
        for (FlywayRow f : flyway) {
            if (!f.success()) {
                problems.add(f.shown() + " failed under Flyway: repair it with Flyway (or by hand) first");
                continue;
            }
            switch (f.type()) {
                case "BASELINE", "SQL_BASELINE" ->
                    rows.add(row(f, Version.parse(f.version()), MigrationType.BASELINE, f.script(), "<< baseline >>"));
                case "SQL" -> {
                    if (f.version() == null) {
                        repeatables.remove(f.description());
                        repeatables.put(f.description(), f);
                    } else {
                        Version v = Version.parse(f.version());
                        Script s = scripts.versioned(v).orElse(null);
                        if (check(f, s, problems)) {
                            rows.add(row(f, v, MigrationType.VERSIONED, s.name(), s.checksum()));
                        }
                    }
                }
                case "DELETE" -> {
                    // Flyway's repair marks a missing migration deleted: it no longer counts as applied.
                    rows.removeIf(
                            r -> r.version() != null && r.version().toString().equals(f.version()));
                }
                default ->
                    problems.add(f.shown() + " is a Flyway " + f.type() + " migration, which Flowbase does not run:"
                            + " only SQL migrations and baselines can be taken over");
            }
        }
        for (FlywayRow f : repeatables.values()) {
            Script s = scripts.repeatable().get(f.description());
            if (check(f, s, problems)) {
                rows.add(row(f, null, MigrationType.REPEATABLE, s.name(), s.checksum()));
            }
        }
        if (!problems.isEmpty()) {
            throw new FlowbaseException(
                    ErrorCode.VALIDATION_FAILED,
                    "Cannot take over " + flywayTable + "; nothing was written:\n  " + String.join("\n  ", problems));
        }
        return rows;
    }

    private static boolean check(FlywayRow f, Script s, List<String> problems) {
        if (s == null) {
            problems.add(f.shown() + " was applied by Flyway but is not in the folder");
            return false;
        }
        int crc = FlywayChecksum.of(s.text());
        if (f.checksum() == null || f.checksum() != crc) {
            problems.add(s.name() + " differs from the file Flyway applied: Flyway recorded checksum " + f.checksum()
                    + ", the file's is " + crc);
            return false;
        }
        return true;
    }

    private static HistoryRow row(FlywayRow f, Version version, MigrationType type, String script, String checksum) {
        return new HistoryRow(
                0,
                version,
                f.description(),
                type,
                script,
                checksum,
                f.installedBy(),
                f.installedOn(),
                f.executionTime(),
                MigrationState.SUCCESS,
                0,
                null);
    }
}
