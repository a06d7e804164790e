package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.copy;
import static dev.flowbase.migrate.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.JavaProcess;
import dev.flowbase.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/** Runners at once on one database: each migration applied exactly once; a killed runner leaves no lock. */
class ConcurrencyTest {
    private static final int RUNNERS = 5;

    @TempDir
    Path dir;

    @EngineTest
    void fiveThreadsMigratingAtOnceApplyEachMigrationOnce(TestDatabase test) throws Exception {
        Path scripts = copy("basic", dir);
        CyclicBarrier start = new CyclicBarrier(RUNNERS);
        List<Callable<Integer>> runners = new ArrayList<>();
        for (int i = 0; i < RUNNERS; i++) {
            Database db = test.open();
            runners.add(() -> {
                start.await();
                return Fixtures.migrator(db, scripts).migrate().executed().size();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
        try {
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(runners)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(4);
        } finally {
            pool.shutdown();
        }
        assertThat(count(test.open(), "SELECT count(*) FROM test_history")).isEqualTo(4);
    }

    @EngineTest
    void fiveProcessesMigratingAtOnceApplyEachMigrationOnce(TestDatabase test) throws Exception {
        Path scripts = copy("basic", Files.createDirectories(dir.resolve("scripts")));
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < RUNNERS; i++) {
            Path output = dir.resolve("runner-" + i + ".log");
            outputs.add(output);
            processes.add(java("migrate", test.url(), scripts.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start());
        }
        int total = 0;
        for (int i = 0; i < RUNNERS; i++) {
            assertThat(processes.get(i).waitFor(3, TimeUnit.MINUTES)).isTrue();
            String log = Files.readString(outputs.get(i));
            assertThat(processes.get(i).exitValue()).as(log).isZero();
            total += log.lines()
                    .filter(l -> l.startsWith(MigrateProcess.EXECUTED))
                    .mapToInt(l -> Integer.parseInt(l.substring(MigrateProcess.EXECUTED.length())))
                    .sum();
        }
        assertThat(total).isEqualTo(4);
        assertThat(count(test.open(), "SELECT count(*) FROM test_history")).isEqualTo(4);
    }

    @EngineTest
    void aRunnerKilledWhileHoldingTheLockLeavesNoLockBehind(TestDatabase test) throws Exception {
        Process holder = java("hold", test.url()).redirectErrorStream(true).start();
        try {
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.equals(MigrateProcess.LOCKED)) {
                // the child's start-up log; wait for its signal
            }
            assertThat(line)
                    .as("the holder process ended before taking the lock")
                    .isNotNull();
            Migrator impatient = Migrator.configure()
                    .database(test.open())
                    .location(MigrationLocation.directory(copy("basic", dir)))
                    .table("test_history")
                    .lockTimeout(Duration.ZERO)
                    .load();
            FlowbaseException busy = catchThrowableOfType(FlowbaseException.class, impatient::migrate);
            assertThat(busy.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
            assertThat(busy.getMessage()).contains("test_history").contains("--lock-timeout");
        } finally {
            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no unlock
            holder.waitFor();
        }
        MigrateResult after = Fixtures.migrator(test.open(), dir).migrate();

        assertThat(after.executed()).hasSize(4);
    }

    @EngineTest
    void aWaitingRunnerSaysWhoHoldsTheLock(Database db, TestDatabase test) throws Exception {
        EngineSupport engine = EngineSupport.forEngine(db.engine());
        try (Connection c = db.connection()) {
            EngineSupport.MigrationLock lock = engine.lock(c, "test_history", Duration.ofSeconds(5));
            try (Database other = test.open();
                    Connection c2 = other.connection()) {
                FlowbaseException e = catchThrowableOfType(
                        FlowbaseException.class, () -> engine.lock(c2, "test_history", Duration.ofMillis(200)));
                assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
                assertThat(e.getMessage())
                        .contains(
                                switch (db.engine()) {
                                    case POSTGRESQL -> "held by server process";
                                    case MARIADB -> "held by connection";
                                    case SQLITE -> "another connection is writing";
                                });
            } finally {
                lock.release();
            }
        }
    }

    private static ProcessBuilder java(String... args) {
        return JavaProcess.of(MigrateProcess.class, args);
    }
}
