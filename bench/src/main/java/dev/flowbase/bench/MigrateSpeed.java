package dev.flowbase.bench;

import static dev.flowbase.bench.BenchDatabase.Engine.POSTGRESQL;
import static dev.flowbase.bench.BenchDatabase.Engine.SQLITE;

import dev.flowbase.bench.BenchDatabase.Engine;
import dev.flowbase.migrate.Grouping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sections 1, 1b and 2 of the migration benchmark: how fast {@code migrate up} runs, against Flyway
 * and the JDBC floor, per file and grouped, and how the time grows with the number of files.
 */
final class MigrateSpeed {
    private MigrateSpeed() {}

    static void thousandTiny(BenchRun run) {
        int n = 1000 / run.scale();
        Report.heading("1. migrate up of " + n + " tiny migrations (target: Flowbase ≥ 3× faster than Flyway)");
        Report.line("Fresh database per run; time from configuring the tool to the end of `migrate`, connection"
                + " set-up included. The JDBC floor is plain JDBC doing only each file's statement, a history"
                + " INSERT and a commit per migration: no tool can keep a transaction per migration and be"
                + " much faster.");
        Report.line("");
        List<List<String>> rows = new ArrayList<>();
        for (BenchRun.Kind kind : BenchRun.Kind.values()) {
            Path dir = run.files(kind, n);
            for (Engine e : Engine.values()) {
                double ours = run.timeMigrate(run.flowbase(), e, dir, n, "1k");
                double theirs = run.timeMigrate(run.flyway(), e, dir, n, "1k");
                double floor = run.timeMigrate(run.floor(), e, dir, n, "1k");
                rows.add(List.of(
                        e.id,
                        kind.sql,
                        Report.seconds(ours),
                        Report.seconds(theirs),
                        Report.seconds(floor),
                        Report.ratio(theirs / ours),
                        Report.met(theirs / ours >= 3)));
            }
        }
        Report.table(
                List.of(
                        "engine",
                        "each migration",
                        "Flowbase",
                        "Flyway 13",
                        "JDBC floor",
                        "Flyway / Flowbase",
                        "target ≥ 3×"),
                rows);
    }

    /** Group mode beside the per-file run, both tools, where DDL is transactional (it is refused on MariaDB). */
    static void groupMode(BenchRun run) {
        int n = 1000 / run.scale();
        Report.heading("1b. Group mode: " + n + " tiny migrations in one transaction");
        Report.line("`migrate up --group` (Flyway: `group=true`) against the per-file run of the same tool, in the same"
                + " run; PostgreSQL and SQLite only (MariaDB commits each DDL statement, so group mode is refused).");
        Report.line("");
        Tool grouped = new FlowbaseTool(Grouping.ONE_TRANSACTION);
        Tool flywayGrouped = new FlywayTool(null, Grouping.ONE_TRANSACTION);
        List<List<String>> rows = new ArrayList<>();
        for (BenchRun.Kind kind : BenchRun.Kind.values()) {
            Path dir = run.files(kind, n);
            for (Engine e : List.of(POSTGRESQL, SQLITE)) {
                double perFile = run.timeMigrate(run.flowbase(), e, dir, n, "group_file");
                double group = run.timeMigrate(grouped, e, dir, n, "group_all");
                double flywayPerFile = run.timeMigrate(run.flyway(), e, dir, n, "group_flyway");
                double flywayGroup = run.timeMigrate(flywayGrouped, e, dir, n, "group_flyway_all");
                rows.add(List.of(
                        e.id,
                        kind.sql,
                        Report.seconds(perFile),
                        Report.seconds(group),
                        Report.seconds(flywayPerFile),
                        Report.seconds(flywayGroup),
                        Report.ratio(flywayGroup / group)));
            }
        }
        Report.table(
                List.of(
                        "engine",
                        "each migration",
                        "Flowbase",
                        "Flowbase --group",
                        "Flyway 13",
                        "Flyway 13 group",
                        "Flyway group / Flowbase group"),
                rows);
    }

    static void growth(BenchRun run) {
        int small = 1000 / run.scale();
        int large = 10_000 / run.scale();
        Report.heading("2. Growth: " + large + " vs " + small + " migrations (target: ≤ 11×)");
        List<List<String>> rows = new ArrayList<>();
        for (BenchRun.Kind kind : BenchRun.Kind.values()) {
            Path smallDir = run.files(kind, small);
            Path largeDir = run.files(kind, large);
            for (Engine e : List.of(POSTGRESQL, SQLITE)) {
                List<Tool> tools = new ArrayList<>(List.of(run.flowbase(), run.floor()));
                if (run.flyway10k() && e == POSTGRESQL) {
                    tools.add(run.flyway());
                }
                for (Tool t : tools) {
                    double a = run.timeMigrate(t, e, smallDir, small, "growth_small");
                    double b = run.timeMigrate(t, e, largeDir, large, "growth_large");
                    rows.add(List.of(
                            e.id,
                            kind.sql,
                            t.name(),
                            Report.seconds(a),
                            Report.seconds(b),
                            Report.ratio(b / a),
                            t == run.flowbase() ? Report.met(b / a <= 11) : ""));
                }
            }
        }
        Report.table(
                List.of(
                        "engine",
                        "each migration",
                        "tool",
                        small + " migrations",
                        large + " migrations",
                        "ratio",
                        "target ≤ 11×"),
                rows);
        if (!run.flyway10k()) {
            Report.line("Flyway at " + large + " was not run (6–7 minutes on this machine, per the issue);"
                    + " `bench/run --flyway-10k` includes it.");
        }
    }
}
