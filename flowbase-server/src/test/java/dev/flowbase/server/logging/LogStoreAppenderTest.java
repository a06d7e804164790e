package dev.flowbase.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.LogFilter;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import java.time.Duration;
import java.util.List;

/** Flowbase's log lines reach the logs table in batches; what cannot, is counted, and logging never waits. */
class LogStoreAppenderTest {
    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(Level level, String logger, String message, Object... args) {
        return new LoggingEvent(getClass().getName(), context.getLogger(logger), level, message, null, args);
    }

    private static List<LogEntry> lines(Stores stores, String component) {
        return stores.logs()
                .query(LogFilter.ALL.withComponent(component), PageRequest.first(100))
                .items();
    }

    @EngineTest
    void linesAreWrittenWithTheirLevelComponentAndMessage(Database db) {
        Migrator.configure().database(db).load().migrate();
        Stores stores = Stores.create(db);
        LogStoreAppender appender = new LogStoreAppender(stores.logs(), 100, 10, Duration.ofMillis(50));

        for (int i = 0; i < 25; i++) {
            appender.append(event(Level.INFO, "dev.flowbase.queue.Worker", "task {} done", i));
        }
        appender.append(event(Level.WARN, "dev.flowbase.slow-query", "slow query: SELECT tasks took 1200 ms"));
        appender.flush();

        assertThat(lines(stores, "Worker")).hasSize(25).allMatch(l -> l.level() == LogEntry.Level.INFO);
        assertThat(lines(stores, "Worker")).extracting(LogEntry::message).contains("task 0 done", "task 24 done");
        assertThat(lines(stores, "slow-query")).singleElement().satisfies(l -> {
            assertThat(l.level()).isEqualTo(LogEntry.Level.WARN);
            assertThat(l.message()).isEqualTo("slow query: SELECT tasks took 1200 ms");
        });
        assertThat(appender.written()).isEqualTo(26);
        assertThat(appender.dropped()).isZero();
    }

    @EngineTest
    void aLineCarryingANulOrANewlineFromARequestIsStoredEscapedOnEveryEngine(Database db) {
        Migrator.configure().database(db).load().migrate();
        Stores stores = Stores.create(db);
        LogStoreAppender appender = new LogStoreAppender(stores.logs(), 100, 10, Duration.ofMillis(50));

        appender.append(event(Level.WARN, "dev.flowbase.Hostile", "name={}", "a\u0000b\nINFO forged"));
        appender.append(event(Level.WARN, "dev.flowbase.Hostile", "huge {}", "x".repeat(70_000)));
        appender.flush();

        assertThat(appender.written()).isEqualTo(2);
        assertThat(lines(stores, "Hostile"))
                .extracting(LogEntry::message)
                .contains("name=a\\u0000b\\nINFO forged")
                .anyMatch(m -> m.startsWith("huge x") && m.length() < 16_010);
    }

    @EngineTest
    void aFullQueueDropsAndCountsInsteadOfWaiting(Database db) {
        Migrator.configure().database(db).load().migrate();
        Stores stores = Stores.create(db);
        LogStoreAppender appender = new LogStoreAppender(stores.logs(), 3, 10, Duration.ofMillis(50));

        for (int i = 0; i < 10; i++) {
            appender.append(event(Level.INFO, "dev.flowbase.Busy", "line {}", i));
        }
        appender.flush();

        assertThat(appender.dropped()).isEqualTo(7);
        assertThat(lines(stores, "Busy"))
                .extracting(LogEntry::message)
                .containsExactlyInAnyOrder("line 0", "line 1", "line 2");
    }

    @EngineTest
    void aBurstOfAHundredThousandLinesIsTakenWithoutWaitingAndEveryLineIsAccountedFor(Database db) {
        Migrator.configure().database(db).load().migrate();
        Stores stores = Stores.create(db);
        LogStoreAppender appender = new LogStoreAppender(stores.logs(), 10_000, 500, Duration.ofMillis(250));

        for (int i = 0; i < 100_000; i++) {
            appender.append(event(Level.INFO, "dev.flowbase.Burst", "line {}", i));
        }
        appender.flush();

        // What the queue could not hold was dropped, not waited for: none is lost without a count.
        assertThat(appender.written() + appender.dropped()).isEqualTo(100_000);
        assertThat(appender.written()).isGreaterThanOrEqualTo(10_000);
        assertThat(stores.logs()
                        .query(LogFilter.ALL.withComponent("Burst"), PageRequest.first(1))
                        .items())
                .isNotEmpty();
    }

    @EngineTest
    void linesThatCannotBeWrittenAreCountedNotThrown(Database db) {
        LogStoreAppender appender = new LogStoreAppender(Stores.create(db).logs(), 10, 10, Duration.ofMillis(50));
        appender.append(event(Level.ERROR, "dev.flowbase.Boom", "before any migration"));

        appender.flush();

        assertThat(appender.dropped()).isEqualTo(1);
        assertThat(appender.written()).isZero();
    }
}
