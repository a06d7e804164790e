package dev.flowbase.db;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every statement is timed by name, and one over the threshold is logged as slow, never with its values. */
class QueryTimingsTest {
    /**
     * Counts the pairs of numbers up to a bound one, slowly enough to pass a 1 ms threshold on every
     * engine (the bound stays under MariaDB's 1,000 recursions).
     */
    private static final String SLOW = "WITH RECURSIVE counter (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter"
            + " WHERE n < :limit) SELECT COUNT(*) FROM counter a, counter b";

    @EngineTest
    void aSlowStatementIsLoggedByNameWithoutItsBoundValueAndCounted(TestDatabase test) {
        DatabaseConfig slowAtOneMs =
                test.config().toBuilder().slowQuery(Duration.ofMillis(1)).build();
        Logger slowLog = (Logger) LoggerFactory.getLogger("dev.flowbase.slow-query");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        slowLog.addAppender(captured);
        try (Database db = Database.open(slowAtOneMs)) {
            long counted = db.withHandle(
                    "Counting slowly",
                    h -> h.createQuery(SLOW)
                            .bind("limit", 987)
                            .mapTo(Long.class)
                            .one());

            assertThat(counted).isEqualTo(987L * 987);
            QueryTimings.Timing timing = db.queryTimings().timing("WITH counter");
            assertThat(timing.count()).isEqualTo(1);
            assertThat(timing.totalSeconds()).isPositive();
            assertThat(timing.errors()).isZero();
        } finally {
            slowLog.detachAppender(captured);
        }

        assertThat(captured.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.matches("slow query: WITH counter took \\d+ ms \\(threshold 1 ms\\), from"
                        + " QueryTimingsTest.aSlowStatementIsLoggedByNameWithoutItsBoundValueAndCounted"))
                .noneMatch(line -> line.contains("987"));
    }

    @Test
    void statementsAreNamedByVerbAndFirstTableNeverByText() {
        assertThat(QueryTimings.nameOf("SELECT * FROM tasks WHERE id = :id")).isEqualTo("SELECT tasks");
        assertThat(QueryTimings.nameOf("  update task_queue SET lease_owner = NULL"))
                .isEqualTo("UPDATE task_queue");
        assertThat(QueryTimings.nameOf("INSERT INTO \"logs\" (id) VALUES (:id)"))
                .isEqualTo("INSERT logs");
        assertThat(QueryTimings.nameOf("SELECT 1")).isEqualTo("SELECT");
    }
}
