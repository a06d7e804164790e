package dev.flowbase.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;
import dev.flowbase.db.DatabaseException;
import dev.flowbase.engine.Engine;
import dev.flowbase.status.Status;
import dev.flowbase.testing.FaultProxy;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestEngines;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A multi-host URL on a real PostgreSQL: the driver uses the first host that answers as a
 * primary, and once that one is cut off, new connections go to the next host without a restart.
 */
class MultiHostTest {

    @Test
    void whenTheFirstHostIsCutOffNewConnectionsGoToTheNext() {
        Assumptions.assumeTrue(TestEngines.selected().contains(Engine.POSTGRESQL), "PostgreSQL is not selected");
        try (TestDatabase test = TestDatabase.create(Engine.POSTGRESQL);
                FaultProxy first =
                        FaultProxy.to(test.config().host(), test.config().port());
                FaultProxy second =
                        FaultProxy.to(test.config().host(), test.config().port())) {
            String hosts = "127.0.0.1:" + first.port() + ",127.0.0.1:" + second.port();
            DatabaseConfig config = DatabaseConfig.fromUrl(
                            test.url().replace(test.config().hostAndPort(), hosts) + "?targetServerType=primary")
                    .toBuilder()
                    .pool(new PoolSettings(1, 0, Duration.ofSeconds(10), Duration.ofSeconds(2)))
                    .build();
            try (Database db = Database.open(config)) {
                assertThat(selectOne(db)).isEqualTo(1);
                assertThat(second.accepted()).isZero();
                assertThat(databaseCheck(db)).contains("(primary at 127.0.0.1:" + first.port() + ")");

                first.reset();
                int failed = 0;
                while (true) {
                    try {
                        assertThat(selectOne(db)).isEqualTo(1);
                        break;
                    } catch (DatabaseException e) {
                        failed++; // the pooled connection to the first host was reset under it
                        assertThat(failed)
                                .as("calls failed after the first host went")
                                .isLessThanOrEqualTo(1);
                    }
                }
                assertThat(second.accepted()).isPositive();
                assertThat(databaseCheck(db)).contains("(primary at 127.0.0.1:" + second.port() + ")");
            }
        }
    }

    /** What `flowbase status` says of the database: which host answered, and as what. */
    private static String databaseCheck(Database db) {
        return Status.of(db).namingTheServer().readiness().checks().stream()
                .filter(c -> c.name().equals("database"))
                .findFirst()
                .orElseThrow()
                .detail();
    }

    private static int selectOne(Database db) {
        return db.withHandle(
                "Selecting 1", h -> h.createQuery("SELECT 1").mapTo(int.class).one());
    }
}
