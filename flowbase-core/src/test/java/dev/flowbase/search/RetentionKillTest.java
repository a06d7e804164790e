package dev.flowbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.JavaProcess;
import dev.flowbase.testing.SettableClock;
import dev.flowbase.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A retention JVM killed with SIGKILL mid-run: nothing recent is lost, and the next run finishes the work. */
class RetentionKillTest {

    private static long count(Database db, String where) {
        return db.withHandle(
                "test: count",
                h -> h.createQuery("SELECT COUNT(*) FROM logs WHERE " + where)
                        .mapTo(Long.class)
                        .one());
    }

    @EngineTest
    void aKilledRunLosesNothingRecentAndTheNextRunDeletesTheRest(TestDatabase target) throws Exception {
        try (Database db = target.open()) {
            Migrator.configure().database(db).load().migrate();
            SettableClock clock = new SettableClock(Instant.now().minus(Duration.ofDays(45)));
            Stores stores = Stores.create(db).withClock(clock);
            List<LogEntry.New> old = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                old.add(LogEntry.New.of(LogEntry.Level.INFO, "old", "old line " + i));
            }
            stores.logs().appendAll(old);
            clock.advance(Duration.ofDays(45));
            for (int i = 0; i < 10; i++) {
                stores.logs().append(LogEntry.New.of(LogEntry.Level.INFO, "new", "new line " + i));
            }

            Process doomed = JavaProcess.of(RetentionProcess.class, target.url(), "logs=30d", "50")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(doomed.getInputStream(), StandardCharsets.UTF_8))) {
                String first = out.readLine();
                assertThat(first).startsWith(RetentionProcess.BATCH);
                doomed.destroyForcibly(); // SIGKILL, most likely inside a batch's transaction
                assertThat(doomed.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            long oldLeft = count(db, "component = 'old'");
            RetentionResult resumed = new Retention(db, InstantSource.system(), 50)
                    .run(RetentionPolicy.parse("policy", "logs=30d"), Retention.Progress.NONE, () -> true);

            assertThat(oldLeft).isLessThan(2_000);
            assertThat(resumed.complete()).isTrue();
            assertThat(resumed.rows()).isEqualTo(oldLeft);
            assertThat(count(db, "component = 'old'")).isZero();
            assertThat(count(db, "component = 'new'")).isEqualTo(10);
        }
    }
}
