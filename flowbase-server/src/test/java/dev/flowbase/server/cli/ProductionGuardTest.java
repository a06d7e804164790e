package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;

/**
 * Production is a property of the database: once initialised for production, the destructive
 * commands refuse whatever the shell says, and every usual way of saying "production" counts.
 */
class ProductionGuardTest {

    @EngineTest
    void aProductionDatabaseRefusesResetCleanDevelopmentSeedsAndUnconfirmedRollback(TestDatabase db) {
        CliRun init = CliRun.of("init", "--environment", "production", "--url", db.url());
        assertThat(init.status()).as(init.err()).isZero();

        CliRun reset = CliRun.of("reset", "--confirm", "--url", db.url());
        CliRun seed = CliRun.of("seed", "run", "--url", db.url());
        CliRun clean = CliRun.of("seed", "clean", "--confirm", "--url", db.url());
        CliRun rollback = CliRun.of("migrate", "rollback", "--steps", "1", "--url", db.url());
        CliRun preview = CliRun.of("migrate", "rollback", "--steps", "1", "--dry-run", "--url", db.url());

        for (CliRun refused : new CliRun[] {reset, seed, clean, rollback}) {
            assertThat(refused.status()).as(refused.err()).isEqualTo(ErrorCode.REFUSED.exitCode());
            assertThat(refused.err()).contains("production");
        }
        assertThat(reset.err()).contains("the database was initialised for production");
        assertThat(rollback.err()).contains("--confirm");
        assertThat(preview.status()).as(preview.err()).isZero();
        assertThat(CliRun.of("schema", "validate", "--url", db.url()).status()).isZero();
    }

    @EngineTest
    void everyUsualWayOfNamingProductionIsProduction(TestDatabase db) {
        CliRun.of("init", "--url", db.url());
        var ways = new Object[][] {
            {Map.of(), new String[] {"--environment", "prod"}},
            {Map.of(), new String[] {"--environment", "PRODUCTION"}},
            {Map.of("DB_ENV", "production"), new String[0]},
            {Map.of("NODE_ENV", "production"), new String[0]},
            {Map.of("FLOWBASE_ENVIRONMENT", "prod"), new String[0]}
        };
        for (Object[] way : ways) {
            @SuppressWarnings("unchecked")
            Map<String, String> env = (Map<String, String>) way[0];
            String[] extra = (String[]) way[1];
            String[] args = concat(new String[] {"reset", "--confirm", "--url", db.url()}, extra);

            CliRun run = CliRun.of(env, args);

            assertThat(run.status()).as("%s %s", env, String.join(" ", extra)).isEqualTo(ErrorCode.REFUSED.exitCode());
        }
    }

    @EngineTest
    void anUnknownEnvironmentIsAConfigurationErrorListingTheNames(TestDatabase db) {
        CliRun run = CliRun.of("init", "--environment", "staging", "--url", db.url());

        assertThat(run.status()).isEqualTo(ErrorCode.INVALID_CONFIGURATION.exitCode());
        assertThat(run.err())
                .contains("--environment=staging")
                .contains("development (dev), testing (test) or production");
    }

    @EngineTest
    void theFirstAdminKeyIsShownEvenWhenALaterStepFails(TestDatabase db) throws Exception {
        var unreachableRedis = Map.of("REDIS_URL", "redis://127.0.0.1:1");

        CliRun text = CliRun.of(unreachableRedis, "init", "--url", db.url());

        assertThat(text.status()).isEqualTo(ErrorCode.CONNECTION_FAILED.exitCode());
        assertThat(text.out()).contains("Admin API key: fb_");
    }

    @EngineTest
    void inJsonAFailedInitStillPrintsTheKeyItStored(TestDatabase db) throws Exception {
        CliRun json = CliRun.of(Map.of("REDIS_URL", "redis://127.0.0.1:1"), "init", "--json", "--url", db.url());

        JsonNode doc = Output.mapper().readTree(json.out());
        assertThat(json.status()).isEqualTo(ErrorCode.CONNECTION_FAILED.exitCode());
        assertThat(doc.get("completed").asBoolean()).isFalse();
        assertThat(doc.get("adminKey").asText()).startsWith("fb_");
    }

    @EngineTest
    void anOperatorWithDatabaseAccessMintsANewAdminKeyAndItIsAudited(TestDatabase db) throws Exception {
        CliRun.of("init", "--url", db.url());

        CliRun run = CliRun.of("api-key", "create", "--role", "admin", "--json", "--url", db.url());
        CliRun bad = CliRun.of("api-key", "create", "--role", "root", "--url", db.url());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Output.mapper().readTree(run.out()).get("key").asText()).startsWith("fb_");
        assertThat(bad.status()).isEqualTo(ErrorCode.INVALID_ARGUMENT.exitCode());
        assertThat(bad.err()).contains("--role=root: expected one of admin, operator, viewer");
        Database opened = db.open();
        try (Connection c = opened.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log WHERE action = 'api_key.create'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        try (Connection c = opened.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM api_keys WHERE access_role = 'admin'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
