package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** init, seed, schema validate and reset, driven through the real command line on every engine. */
class InitCommandTest {
    private static final Pattern ADMIN_KEY = Pattern.compile("Admin API key: (fb_\\S+)");

    @EngineTest
    void initGivesAValidatedSeededDatabaseAndShowsTheAdminKeyOnce(TestDatabase db) throws Exception {
        CliRun first = CliRun.of("init", "--url", db.url());
        CliRun second = CliRun.of("init", "--json", "--url", db.url());

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("Migrations: applied 7")
                .contains("Schema: matches version 7")
                .contains("It will not be shown again");
        Matcher key = ADMIN_KEY.matcher(first.out());
        assertThat(key.find()).isTrue();
        JsonNode doc = Output.mapper().readTree(second.out());
        assertThat(doc.get("migrationsApplied").asInt()).isZero();
        assertThat(doc.get("seedRowsInserted").asInt()).isZero();
        assertThat(doc.get("adminKey").isNull()).isTrue();
        assertThat(second.all()).doesNotContain(key.group(1));
    }

    @EngineTest
    void schemaValidatePassesAfterInit(TestDatabase db) {
        CliRun.of("init", "--url", db.url());

        CliRun run = CliRun.of("schema", "validate", "--url", db.url());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("matches its migrations (version 7, " + db.engine().id() + ")");
    }

    @EngineTest
    void destructiveCommandsAskForConfirmationAndRefuseProduction(TestDatabase db) {
        CliRun.of("init", "--url", db.url());

        CliRun reset = CliRun.of("reset", "--url", db.url());
        CliRun clean = CliRun.of("seed", "clean", "--url", db.url());
        CliRun production =
                CliRun.of(Map.of("FLOWBASE_ENVIRONMENT", "production"), "reset", "--confirm", "--url", db.url());

        assertThat(reset.status()).isEqualTo(ErrorCode.REFUSED.exitCode());
        assertThat(reset.err()).contains("run it again with --confirm");
        assertThat(clean.status()).isEqualTo(ErrorCode.REFUSED.exitCode());
        assertThat(production.status()).isEqualTo(ErrorCode.REFUSED.exitCode());
        assertThat(production.err()).contains("refused in production");
    }

    @EngineTest
    void resetWithConfirmStartsAgainWithANewAdminKey(TestDatabase db) {
        CliRun.of("init", "--url", db.url());

        CliRun reset = CliRun.of("reset", "--confirm", "--url", db.url());

        assertThat(reset.status()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("Reset: undid 7 migration(s)").contains("Admin API key: fb_");
    }

    @EngineTest
    void seedRunTwiceInsertsNothingTheSecondTime(TestDatabase db) throws Exception {
        CliRun.of("init", "--url", db.url(), "--environment", "testing");

        CliRun run = CliRun.of("seed", "run", "--json", "--url", db.url(), "--environment", "development");
        CliRun again = CliRun.of("seed", "run", "--json", "--url", db.url(), "--environment", "development");

        assertThat(Output.mapper().readTree(run.out()).get("inserted").asInt()).isPositive();
        assertThat(Output.mapper().readTree(again.out()).get("inserted").asInt())
                .isZero();
    }
}
