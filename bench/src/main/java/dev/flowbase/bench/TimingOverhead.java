package dev.flowbase.bench;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * What timing every statement ({@link dev.flowbase.db.QueryTimings}) costs: the same read through
 * the stores, with the timing observer and with Jdbi's no-op logger instead, in alternating rounds
 * on one database so that drift falls on both. Usage: {@code bench/run timing-overhead [--engine E]}.
 */
public final class TimingOverhead {
    private static final int ROUNDS = 6;
    private static final long ROUND_NANOS = 3_000_000_000L;

    private TimingOverhead() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of("bench/target/work").toAbsolutePath());
        if (args.length == 4 && args[0].equals("--mode")) {
            oneMode(args[1].equals("with"), BenchDatabase.Engine.valueOf(args[3].toUpperCase(Locale.ROOT)), work);
            return;
        }
        Report.line("| engine | with timing (reads/s) | without (reads/s) | difference | observer per statement |"
                + " a read without it | observer's share |");
        Report.line("|---|---|---|---|---|---|---|");
        for (BenchDatabase.Engine engine : BenchDatabase.Engine.values()) {
            try (BenchDatabase target = BenchDatabase.create(engine, "timing", work);
                    Database db = Database.open(target.flowbaseConfig())) {
                Migrator.configure().database(db).load().migrate();
                Stores stores = Stores.create(db);
                var org = stores.organizations().create("Bench", "bench").id();
                Task task = stores.tasks().insertTask(NewTask.named(org, "read me"));
                SqlStatements statements = db.jdbi().getConfig(SqlStatements.class);
                SqlLogger timing = statements.getSqlLogger();
                reads(stores, task); // warm-up, not counted
                long with = 0;
                long without = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    // Each mode goes first every other round, so an order effect falls on both.
                    boolean timedFirst = round % 2 == 0;
                    statements.setSqlLogger(timedFirst ? timing : SqlLogger.NOP_SQL_LOGGER);
                    long first = reads(stores, task);
                    statements.setSqlLogger(timedFirst ? SqlLogger.NOP_SQL_LOGGER : timing);
                    long second = reads(stores, task);
                    with += timedFirst ? first : second;
                    without += timedFirst ? second : first;
                }
                statements.setSqlLogger(timing);
                double seconds = ROUNDS * ROUND_NANOS / 1e9;
                double observerNanos = observerNanos(statements, timing, stores, task);
                double readNanos = 1e9 * seconds / without;
                Report.line(String.format(
                        Locale.ROOT,
                        "| %s | %.0f | %.0f | %.1f%% | %.0f ns | %.1f µs | %.2f%% |",
                        engine.name().toLowerCase(Locale.ROOT),
                        with / seconds,
                        without / seconds,
                        100.0 * (without - with) / without,
                        observerNanos,
                        readNanos / 1000,
                        100.0 * observerNanos / readNanos));
            }
        }
    }

    /**
     * One mode in a JVM of its own ({@code --mode with|without --engine E}): no call site ever sees
     * both loggers, so the JIT compiles each mode as it would run. Prints the reads a second.
     */
    private static void oneMode(boolean timed, BenchDatabase.Engine engine, Path work) throws Exception {
        try (BenchDatabase target = BenchDatabase.create(engine, "timing", work);
                Database db = Database.open(target.flowbaseConfig())) {
            Migrator.configure().database(db).load().migrate();
            Stores stores = Stores.create(db);
            var org = stores.organizations().create("Bench", "bench").id();
            Task task = stores.tasks().insertTask(NewTask.named(org, "read me"));
            if (!timed) {
                db.jdbi().getConfig(SqlStatements.class).setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
            }
            reads(stores, task); // warm-up, not counted
            long n = 0;
            for (int round = 0; round < ROUNDS; round++) {
                n += reads(stores, task);
            }
            Report.line(String.format(Locale.ROOT, "%.0f", n / (ROUNDS * ROUND_NANOS / 1e9)));
        }
    }

    /**
     * The observer's own time per statement, precisely: a real read's statement context is kept
     * and handed to the observer millions of times, as Jdbi hands it once per statement.
     */
    private static double observerNanos(SqlStatements statements, SqlLogger timing, Stores stores, Task task) {
        StatementContext[] kept = new StatementContext[1];
        statements.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                kept[0] = context;
            }
        });
        stores.tasks().get(task.id());
        statements.setSqlLogger(timing);
        int calls = 5_000_000;
        for (int i = 0; i < calls; i++) {
            timing.logAfterExecution(kept[0]); // warm-up
        }
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            timing.logAfterExecution(kept[0]);
        }
        return (System.nanoTime() - start) / (double) calls;
    }

    private static long reads(Stores stores, Task task) {
        long n = 0;
        long until = System.nanoTime() + ROUND_NANOS;
        while (System.nanoTime() < until) {
            stores.tasks().get(task.id());
            n++;
        }
        return n;
    }
}
