package dev.flowbase.bench;

import static dev.flowbase.bench.BenchDatabase.Engine.MARIADB;
import static dev.flowbase.bench.BenchDatabase.Engine.POSTGRESQL;
import static dev.flowbase.bench.BenchDatabase.Engine.SQLITE;

import dev.flowbase.bench.BenchDatabase.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Flowbase's migration engine against Flyway 13 and the engines' own clients, in one run, each
 * measurement in a database of its own. Prints a Markdown report; see bench/README.md.
 *
 * <p>Options: {@code --flyway-10k} also runs Flyway over 10,000 migrations (6–7 minutes on
 * PostgreSQL); {@code --quick} divides every size by ten, to try the benchmark itself.
 */
public final class Bench {
    private final Path work;
    private final int scale;
    private final boolean flyway10k;
    private final Tool flowbase = new FlowbaseTool();
    private final Tool flyway = new FlywayTool();
    private final Tool floorTool = new JdbcFloor();

    private Bench(Path work, int scale, boolean flyway10k) {
        this.work = work;
        this.scale = scale;
        this.flyway10k = flyway10k;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("queue-latency")) {
            QueueLatency.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("timing-overhead")) {
            TimingOverhead.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("cache")) {
            CacheBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("search")) {
            SearchBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("queue")) {
            QueueBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Set<String> options = Set.of(args);
        Path work = Files.createDirectories(Path.of("bench/target/work").toAbsolutePath());
        new Bench(work, options.contains("--quick") ? 10 : 1, options.contains("--flyway-10k")).run();
    }

    private void run() throws Exception {
        Report.line("# Migration benchmark");
        Report.line("");
        Machine.describe(work).forEach(l -> Report.line("- " + l));
        warmUp();
        thousandTiny();
        groupMode();
        growth();
        statementCounts();
        validate();
        clients();
    }

    /**
     * Both tools first run a small set on every engine, so class loading and the JIT's first
     * compilations are not charged to whichever tool happens to run first.
     */
    private void warmUp() {
        Path dir = MigrationFiles.tiny(work, 50);
        for (Engine e : Engine.values()) {
            for (Tool t : List.of(flowbase, flyway, floorTool)) {
                try (BenchDatabase db = BenchDatabase.create(e, "warmup", work)) {
                    t.migrate(db, dir);
                }
            }
        }
    }

    /** The two kinds of tiny migration: DDL, where the engine's own work dominates, and DML, where the tool's does. */
    private enum Kind {
        CREATE_TABLE("`CREATE TABLE t_N (id INT PRIMARY KEY)`"),
        INSERT("`INSERT INTO bench_rows (n) VALUES (N)`");

        final String sql;

        Kind(String sql) {
            this.sql = sql;
        }
    }

    private Path files(Kind kind, int n) {
        return kind == Kind.CREATE_TABLE ? MigrationFiles.tiny(work, n) : MigrationFiles.tinyInserts(work, n);
    }

    private void thousandTiny() {
        int n = 1000 / scale;
        Report.heading("1. migrate up of " + n + " tiny migrations (target: Flowbase ≥ 3× faster than Flyway)");
        Report.line("Fresh database per run; time from configuring the tool to the end of `migrate`, connection"
                + " set-up included. The JDBC floor is plain JDBC doing only each file's statement, a history"
                + " INSERT and a commit per migration: no tool can keep a transaction per migration and be"
                + " much faster.");
        Report.line("");
        List<List<String>> rows = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Path dir = files(kind, n);
            for (Engine e : Engine.values()) {
                double ours = timeMigrate(flowbase, e, dir, n, "1k");
                double theirs = timeMigrate(flyway, e, dir, n, "1k");
                double floor = timeMigrate(floorTool, e, dir, n, "1k");
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
    private void groupMode() {
        int n = 1000 / scale;
        Report.heading("1b. Group mode: " + n + " tiny migrations in one transaction");
        Report.line("`migrate up --group` (Flyway: `group=true`) against the per-file run of the same tool, in the same"
                + " run; PostgreSQL and SQLite only (MariaDB commits each DDL statement, so group mode is refused).");
        Report.line("");
        Tool grouped = new FlowbaseTool(true);
        Tool flywayGrouped = new FlywayTool(null, true);
        List<List<String>> rows = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Path dir = files(kind, n);
            for (Engine e : List.of(POSTGRESQL, SQLITE)) {
                double perFile = timeMigrate(flowbase, e, dir, n, "group_file");
                double group = timeMigrate(grouped, e, dir, n, "group_all");
                double flywayPerFile = timeMigrate(flyway, e, dir, n, "group_flyway");
                double flywayGroup = timeMigrate(flywayGrouped, e, dir, n, "group_flyway_all");
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

    private void growth() {
        int small = 1000 / scale;
        int large = 10_000 / scale;
        Report.heading("2. Growth: " + large + " vs " + small + " migrations (target: ≤ 11×)");
        List<List<String>> rows = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Path smallDir = files(kind, small);
            Path largeDir = files(kind, large);
            for (Engine e : List.of(POSTGRESQL, SQLITE)) {
                List<Tool> tools = new ArrayList<>(List.of(flowbase, floorTool));
                if (flyway10k && e == POSTGRESQL) {
                    tools.add(flyway);
                }
                for (Tool t : tools) {
                    double a = timeMigrate(t, e, smallDir, small, "growth_small");
                    double b = timeMigrate(t, e, largeDir, large, "growth_large");
                    rows.add(List.of(
                            e.id,
                            kind.sql,
                            t.name(),
                            Report.seconds(a),
                            Report.seconds(b),
                            Report.ratio(b / a),
                            t == flowbase ? Report.met(b / a <= 11) : ""));
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
        if (!flyway10k) {
            Report.line("Flyway at " + large + " was not run (6–7 minutes on this machine, per the issue);"
                    + " `bench/run --flyway-10k` includes it.");
        }
    }

    private void statementCounts() throws Exception {
        Report.heading("3. Statements per migration seen by the database (target: own + at most 2)");
        Report.line("Counted at the JDBC boundary: every `execute*` call (a statement or a batch sent to the engine)"
                + " plus every `commit`/`rollback`. Per migration = (count for 200 migrations − count for 100) / 100,"
                + " so the fixed cost of a run (connecting, lock, reading history) drops out; it is shown apart."
                + " Each migration's own statement count is 1.");
        Report.line("");
        StatementCounter counter = new StatementCounter();
        Tool countedFlyway = new FlywayTool(db -> new UrlDataSource(db.plainUrl(), BenchDatabase.USER));
        List<List<String>> rows = new ArrayList<>();
        counter.install();
        try {
            for (Engine e : List.of(POSTGRESQL, SQLITE, MARIADB)) {
                for (Tool t : List.of(flowbase, countedFlyway)) {
                    long[] hundred = count(counter, t, e, 100);
                    long[] twoHundred = count(counter, t, e, 200);
                    double executes = (twoHundred[0] - hundred[0]) / 100.0;
                    double commits = (twoHundred[1] - hundred[1]) / 100.0;
                    double perMigration = executes + commits;
                    long fixed = hundred[0] + hundred[1] - Math.round(perMigration * 100);
                    boolean target = e == MARIADB || perMigration <= 1 + 2;
                    rows.add(List.of(
                            e.id,
                            t == flowbase ? "Flowbase" : "Flyway 13",
                            Report.number(executes),
                            Report.number(commits),
                            Report.number(perMigration),
                            String.valueOf(fixed),
                            t == flowbase && e != MARIADB ? Report.met(target) : ""));
                }
            }
        } finally {
            counter.uninstall();
        }
        Report.table(
                List.of(
                        "engine",
                        "tool",
                        "execute calls / migration",
                        "commits / migration",
                        "total / migration",
                        "fixed per run",
                        "target ≤ 3"),
                rows);
    }

    private long[] count(StatementCounter counter, Tool tool, Engine engine, int n) {
        Path dir = MigrationFiles.tiny(work, n);
        try (BenchDatabase db = BenchDatabase.create(engine, "count_" + n, work)) {
            counter.reset();
            tool.migrate(db, dir);
            return new long[] {counter.executes(), counter.commits()};
        }
    }

    private void validate() {
        int n = 10_000 / scale;
        Report.heading("4. validate over " + n + " applied migrations on PostgreSQL (target: ≤ 0.3 s)");
        Path dir = MigrationFiles.tiny(work, n);
        List<List<String>> rows = new ArrayList<>();
        List<Tool> tools = flyway10k ? List.of(flowbase, flyway) : List.of(flowbase);
        for (Tool t : tools) {
            try (BenchDatabase db = BenchDatabase.create(POSTGRESQL, "validate", work)) {
                t.migrate(db, dir);
                double best = Double.MAX_VALUE;
                double first = 0;
                for (int i = 0; i < 5; i++) {
                    double s = Stopwatch.seconds(() -> t.validate(db, dir));
                    first = i == 0 ? s : first;
                    best = Math.min(best, s);
                }
                rows.add(List.of(
                        t.name(),
                        Report.seconds(first),
                        Report.seconds(best),
                        t == flowbase ? Report.met(first <= 0.3) : ""));
            }
        }
        if (!flyway10k) {
            int small = 1000 / scale;
            Path smallDir = MigrationFiles.tiny(work, small);
            try (BenchDatabase db = BenchDatabase.create(POSTGRESQL, "validate_flyway", work)) {
                flyway.migrate(db, smallDir);
                double s = Stopwatch.seconds(() -> flyway.validate(db, smallDir));
                rows.add(List.of(
                        "Flyway 13 over " + small + " (10,000 needs `--flyway-10k`)", Report.seconds(s), "", ""));
            }
        }
        Report.table(List.of("tool", "first run", "best of 5", "target ≤ 0.3 s"), rows);
        Report.line("Each run opens its own connection pool, reads the history and all " + n
                + " files, and checksums them.");
    }

    private void clients() {
        int n = 300 / scale;
        Report.heading("5. " + n + " realistic migrations vs the engine's own client, one process per file");
        Report.line("Each file: a table with four columns, an index, a three-row insert, and every third file an"
                + " `ALTER TABLE … ADD COLUMN`. Flowbase cold = a new JVM per run (start-up and class loading"
                + " included), as `flowbase migrate up` would be; Flowbase warm = in this JVM.");
        Report.line("");
        Path dir = MigrationFiles.realistic(work, n);
        List<Path> files = MigrationFiles.inVersionOrder(dir);
        List<List<String>> rows = new ArrayList<>();
        for (Engine e : Engine.values()) {
            double client;
            try (BenchDatabase db = BenchDatabase.create(e, "client", work)) {
                Report.progress(e.id + ": client, " + n + " files");
                client = Stopwatch.seconds(() -> files.forEach(f -> Clients.apply(db, f)));
            }
            double cold;
            try (BenchDatabase db = BenchDatabase.create(e, "cold", work)) {
                Report.progress(e.id + ": Flowbase cold, " + n + " files");
                cold = Stopwatch.seconds(() -> Processes.run(
                        Processes.java(ColdMigrate.class.getName(), db.flowbaseUrl(), dir.toString()), null));
            }
            double warm = timeMigrate(flowbase, e, dir, n, "warm");
            rows.add(List.of(
                    e.id,
                    "`" + Clients.description(e) + "`",
                    Report.seconds(client),
                    Report.seconds(cold),
                    Report.seconds(warm),
                    Report.ratio(client / cold),
                    Report.met(cold < client)));
        }
        Report.table(
                List.of(
                        "engine",
                        "client",
                        "client, per file",
                        "Flowbase cold",
                        "Flowbase warm",
                        "client / Flowbase cold",
                        "target: faster"),
                rows);
    }

    /** Seconds to migrate {@code dir} into a fresh database; checks that every migration ran. */
    private double timeMigrate(Tool tool, Engine engine, Path dir, int expected, String label) {
        try (BenchDatabase db = BenchDatabase.create(engine, label, work)) {
            Report.progress(engine.id + ": " + tool.name() + " migrate of " + expected);
            int[] applied = new int[1];
            double s = Stopwatch.seconds(() -> applied[0] = tool.migrate(db, dir));
            if (applied[0] != expected) {
                throw new IllegalStateException(tool.name() + " applied " + applied[0] + " of " + expected);
            }
            Report.progress("  " + Report.seconds(s));
            return s;
        }
    }
}
