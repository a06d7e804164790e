package dev.flowbase.bench;

import dev.flowbase.bench.BenchDatabase.Engine;
import java.nio.file.Path;
import java.util.List;

/**
 * What every section of the migration benchmark shares: the work folder, the size divisor, whether
 * Flyway runs at 10,000 files, the tools under measurement, and how one {@code migrate} is timed.
 *
 * @param scale every size is divided by it ({@code --quick}: 10)
 * @param flyway10k Flyway also runs over 10,000 migrations ({@code --flyway-10k})
 */
record BenchRun(Path work, int scale, boolean flyway10k, Tool flowbase, Tool flyway, Tool floor) {

    BenchRun(Path work, int scale, boolean flyway10k) {
        this(work, scale, flyway10k, new FlowbaseTool(), new FlywayTool(), new JdbcFloor());
    }

    /** The two kinds of tiny migration: DDL, where the engine's own work dominates, and DML, where the tool's does. */
    enum Kind {
        CREATE_TABLE("`CREATE TABLE t_N (id INT PRIMARY KEY)`"),
        INSERT("`INSERT INTO bench_rows (n) VALUES (N)`");

        final String sql;

        Kind(String sql) {
            this.sql = sql;
        }
    }

    Path files(Kind kind, int n) {
        return kind == Kind.CREATE_TABLE ? MigrationFiles.tiny(work, n) : MigrationFiles.tinyInserts(work, n);
    }

    /**
     * Both tools first run a small set on every engine, so class loading and the JIT's first
     * compilations are not charged to whichever tool happens to run first.
     */
    void warmUp() {
        Path dir = MigrationFiles.tiny(work, 50);
        for (Engine e : Engine.values()) {
            for (Tool t : List.of(flowbase, flyway, floor)) {
                try (BenchDatabase db = BenchDatabase.create(e, "warmup", work)) {
                    t.migrate(db, dir);
                }
            }
        }
    }

    /** Seconds to migrate {@code dir} into a fresh database; checks that every migration ran. */
    double timeMigrate(Tool tool, Engine engine, Path dir, int expected, String label) {
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
