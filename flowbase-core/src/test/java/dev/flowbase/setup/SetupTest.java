package dev.flowbase.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.Settings;
import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class SetupTest {

    private static FlowbaseConfig config(String url, String environment) {
        return new ConfigLoader()
                .environment(Map.of())
                .flag(Settings.DATABASE_URL, url)
                .flag(Settings.ENVIRONMENT, environment)
                .load();
    }

    @EngineTest
    void initMigratesSeedsValidatesAndIsIdempotent(TestDatabase test) {
        List<String> progress = new ArrayList<>();
        Setup setup = new Setup(config(test.url(), "development"), Clock.systemUTC(), progress::add);

        InitReport first = setup.init(Setup.Redis.SKIP);
        InitReport second = setup.init(Setup.Redis.SKIP);

        assertThat(first.migrations().executed()).isNotEmpty();
        assertThat(first.seeds().totalInserted()).isPositive();
        assertThat(first.adminKey()).isPresent();
        assertThat(first.schema().matches()).isTrue();
        assertThat(second.migrations().upToDate()).isTrue();
        assertThat(second.seeds().totalInserted()).isZero();
        assertThat(second.adminKey()).isEmpty();
        assertThat(progress).anyMatch(line -> line.startsWith("Schema: matches version 7"));
    }

    @EngineTest
    void initCreatesAServerDatabaseThatDoesNotExistYet(TestDatabase test) throws Exception {
        String missing = test.name() + "_new";
        String url = test.url().replace(test.name(), missing);
        try {
            InitReport report = new Setup(config(url, "testing"), Clock.systemUTC(), line -> {}).init(Setup.Redis.SKIP);

            assertThat(report.databaseCreated()).isTrue();
            assertThat(report.schema().matches()).isTrue();
        } finally {
            dropIfServer(test, missing);
        }
    }

    @EngineTest
    void resetIsRefusedWithoutConfirmAndInProductionAndOtherwiseStartsAgain(TestDatabase test) {
        Setup setup = new Setup(config(test.url(), "development"), Clock.systemUTC(), line -> {});
        setup.init(Setup.Redis.SKIP);

        assertThatThrownBy(() -> setup.reset(Setup.Confirmation.NOT_CONFIRMED, Setup.Redis.SKIP))
                .isInstanceOfSatisfying(
                        FlowbaseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REFUSED))
                .hasMessageContaining("--confirm");
        assertThatThrownBy(() -> new Setup(config(test.url(), "production"), Clock.systemUTC(), line -> {})
                        .reset(Setup.Confirmation.CONFIRMED, Setup.Redis.SKIP))
                .hasMessageContaining("refused in production");
        InitReport again = setup.reset(Setup.Confirmation.CONFIRMED, Setup.Redis.SKIP);

        assertThat(again.adminKey())
                .as("a reset database gets a new first admin key")
                .isPresent();
        assertThat(again.migrations().executed()).isNotEmpty();
    }

    private static void dropIfServer(TestDatabase test, String name) throws Exception {
        if (test.engine().isEmbedded()) {
            return; // a SQLite file lives in the test's own folder, removed with it
        }
        try (Database db = test.open();
                Connection c = db.connection();
                Statement s = c.createStatement()) {
            s.execute(db.dialect().dropDatabaseSql(name));
        }
    }
}
