package dev.flowbase.db;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.sql.SQLException;
import org.slf4j.LoggerFactory;

/** {@code DB_DEBUG=true} logs every statement the data layer runs with its duration, never a bound value. */
class DebugLoggingTest {

    @EngineTest
    void debugLogsStatementsWithTimingButNeverBoundValues(TestDatabase test) throws SQLException {
        DatabaseConfig debug = test.config().toBuilder().debug(true).build();
        Logger sqlLog = (Logger) LoggerFactory.getLogger("dev.flowbase.sql");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        sqlLog.addAppender(captured);
        sqlLog.setLevel(Level.INFO); // the server's level; tests run at WARN
        try (Database db = Database.open(debug)) {
            db.withHandle("creating", h -> h.execute("CREATE TABLE secrets (value VARCHAR(50))"));
            db.withHandle(
                    "inserting",
                    h -> h.createUpdate("INSERT INTO secrets (value) VALUES (:value)")
                            .bind("value", "hunter2-bound-value")
                            .execute());
        } finally {
            sqlLog.detachAppender(captured);
            sqlLog.setLevel(null);
        }

        assertThat(captured.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.matches("\\d+\\.\\d{2} ms CREATE TABLE secrets .*"))
                .anyMatch(line -> line.matches("\\d+\\.\\d{2} ms INSERT INTO secrets \\(value\\) VALUES \\(:value\\)"))
                .noneMatch(line -> line.contains("hunter2"));
    }
}
