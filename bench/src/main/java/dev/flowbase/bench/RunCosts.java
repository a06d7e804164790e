package dev.flowbase.bench;

import static dev.flowbase.bench.BenchDatabase.Engine.MARIADB;
import static dev.flowbase.bench.BenchDatabase.Engine.POSTGRESQL;
import static dev.flowbase.bench.BenchDatabase.Engine.SQLITE;

import dev.flowbase.bench.BenchDatabase.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sections 3 to 5 of the migration benchmark: what a run costs besides its speed: the statements
 * the database sees per migration, {@code validate} over many applied files, and a whole run
 * against the engine's own client, one process per file.
 */
final class RunCosts {
    private RunCosts() {}

    static void statementCounts(BenchRun run) throws Exception {
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
                for (Tool t : List.of(run.flowbase(), countedFlyway)) {
                    long[] hundred = count(run, counter, t, e, 100);
                    long[] twoHundred = count(run, counter, t, e, 200);
                    double executes = (twoHundred[0] - hundred[0]) / 100.0;
                    double commits = (twoHundred[1] - hundred[1]) / 100.0;
                    double perMigration = executes + commits;
                    long fixed = hundred[0] + hundred[1] - Math.round(perMigration * 100);
                    boolean target = e == MARIADB || perMigration <= 1 + 2;
                    rows.add(List.of(
                            e.id,
                            t == run.flowbase() ? "Flowbase" : "Flyway 13",
                            Report.number(executes),
                            Report.number(commits),
                            Report.number(perMigration),
                            String.valueOf(fixed),
                            t == run.flowbase() && e != MARIADB ? Report.met(target) : ""));
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

    private static long[] count(BenchRun run, StatementCounter counter, Tool tool, Engine engine, int n) {
        Path dir = MigrationFiles.tiny(run.work(), n);
        try (BenchDatabase db = BenchDatabase.create(engine, "count_" + n, run.work())) {
            counter.reset();
            tool.migrate(db, dir);
            return new long[] {counter.executes(), counter.commits()};
        }
    }

    static void validate(BenchRun run) {
        int n = 10_000 / run.scale();
        Report.heading("4. validate over " + n + " applied migrations on PostgreSQL (target: ≤ 0.3 s)");
        Path dir = MigrationFiles.tiny(run.work(), n);
        List<List<String>> rows = new ArrayList<>();
        List<Tool> tools = run.flyway10k() ? List.of(run.flowbase(), run.flyway()) : List.of(run.flowbase());
        for (Tool t : tools) {
            try (BenchDatabase db = BenchDatabase.create(POSTGRESQL, "validate", run.work())) {
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
                        t == run.flowbase() ? Report.met(first <= 0.3) : ""));
            }
        }
        if (!run.flyway10k()) {
            int small = 1000 / run.scale();
            Path smallDir = MigrationFiles.tiny(run.work(), small);
            try (BenchDatabase db = BenchDatabase.create(POSTGRESQL, "validate_flyway", run.work())) {
                run.flyway().migrate(db, smallDir);
                double s = Stopwatch.seconds(() -> run.flyway().validate(db, smallDir));
                rows.add(List.of(
                        "Flyway 13 over " + small + " (10,000 needs `--flyway-10k`)", Report.seconds(s), "", ""));
            }
        }
        Report.table(List.of("tool", "first run", "best of 5", "target ≤ 0.3 s"), rows);
        Report.line("Each run opens its own connection pool, reads the history and all " + n
                + " files, and checksums them.");
    }

    static void clients(BenchRun run) {
        int n = 300 / run.scale();
        Report.heading("5. " + n + " realistic migrations vs the engine's own client, one process per file");
        Report.line("Each file: a table with four columns, an index, a three-row insert, and every third file an"
                + " `ALTER TABLE … ADD COLUMN`. Flowbase cold = a new JVM per run (start-up and class loading"
                + " included), as `flowbase migrate up` would be; Flowbase warm = in this JVM.");
        Report.line("");
        Path dir = MigrationFiles.realistic(run.work(), n);
        List<Path> files = MigrationFiles.inVersionOrder(dir);
        List<List<String>> rows = new ArrayList<>();
        for (Engine e : Engine.values()) {
            double client;
            try (BenchDatabase db = BenchDatabase.create(e, "client", run.work())) {
                Report.progress(e.id + ": client, " + n + " files");
                client = Stopwatch.seconds(() -> files.forEach(f -> Clients.apply(db, f)));
            }
            double cold;
            try (BenchDatabase db = BenchDatabase.create(e, "cold", run.work())) {
                Report.progress(e.id + ": Flowbase cold, " + n + " files");
                cold = Stopwatch.seconds(() -> Processes.run(
                        Processes.java(ColdMigrate.class.getName(), db.flowbaseUrl(), dir.toString()), null));
            }
            double warm = run.timeMigrate(run.flowbase(), e, dir, n, "warm");
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
}
