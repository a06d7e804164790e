package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Map;

/** {@code flowbase test-connection}, driven through the real command line on every engine. */
class TestConnectionCommandTest {
    private static final String PASSWORD = "Sup3r-S3cret-pw";

    @EngineTest
    void printsProviderVersionDatabaseTlsAndRoundTrip(TestDatabase db) {
        CliRun run = CliRun.of("test-connection", "--url", db.url());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("provider")
                .contains("server version")
                .contains("tls             no")
                .containsPattern("round trip +\\d+\\.\\d{3} ms")
                .contains(db.engine().isEmbedded() ? db.name() + ".db" : db.name());
    }

    @EngineTest
    void jsonGivesTheSameFactsAsOneObject(TestDatabase db) throws Exception {
        CliRun run = CliRun.of("test-connection", "--json", "--url", db.url());

        JsonNode doc = Output.mapper().readTree(run.out());
        assertThat(run.status()).isZero();
        assertThat(doc.get("provider").asText()).isEqualToIgnoringCase(expectedProvider(db.engine()));
        assertThat(doc.get("tls").asBoolean()).isFalse();
        assertThat(doc.get("roundTripMs").asDouble()).isPositive();
        assertThat(doc.get("pool").get("max").asInt()).isEqualTo(10);
    }

    @EngineTest
    void anUnknownDatabaseIsNamedWithHostAndPort(TestDatabase db) {
        assumeFalse(db.engine().isEmbedded(), "a SQLite database is a file that is created on first use");
        String url = db.url().replace(db.name(), "no_such_db");

        CliRun run = CliRun.of("test-connection", "--url", url);

        assertThat(run.status()).isEqualTo(ErrorCode.UNKNOWN_DATABASE.exitCode());
        assertThat(run.err())
                .contains(db.config().host() + ":")
                .contains("no_such_db")
                .contains("does not exist");
    }

    @EngineTest
    void anUnreachableServerIsAOneLineReason(TestDatabase db) {
        assumeFalse(db.engine().isEmbedded(), "SQLite has no server to reach");
        String url = db.engine().id() + "://root:" + PASSWORD + "@127.0.0.1:1/" + db.name();

        CliRun run = CliRun.of("test-connection", "--url", url);

        assertThat(run.status()).isEqualTo(ErrorCode.CONNECTION_FAILED.exitCode());
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("127.0.0.1:1 database " + db.name());
        assertThat(run.all()).doesNotContain(PASSWORD);
    }

    @EngineTest
    void aRequiredTlsConnectionThatTheServerRefusesSaysSo(TestDatabase db) {
        assumeFalse(db.engine().isEmbedded(), "SQLite has no network connection to encrypt");

        CliRun run = CliRun.of(Map.of("DB_SSL", "true"), "test-connection", "--url", db.url());

        assertThat(run.status()).isEqualTo(ErrorCode.TLS_FAILED.exitCode());
        assertThat(run.err()).contains("TLS was required");
    }

    @EngineTest
    void aRefusedLoginNamesTheUserButNeverThePassword(TestDatabase db) throws SQLException {
        assumeFalse(db.engine().isEmbedded(), "SQLite has no users");
        String user = "fbt_user_" + db.name().substring(4, 12);
        admin(db.engine(), loginRefusedUserSql(db.engine(), user));
        try {
            String url = db.engine().id() + "://" + user + ":" + PASSWORD + "@"
                    + db.config().host() + ":" + db.config().port() + "/" + db.name();

            CliRun run = CliRun.of(Map.of("DB_DEBUG", "true"), "test-connection", "--verbose", "--url", url);

            assertThat(run.status()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED.exitCode());
            assertThat(run.err()).contains("refused user '" + user + "'");
            assertThat(run.all()).doesNotContain(PASSWORD);
        } finally {
            admin(db.engine(), dropUserSql(db.engine(), user));
        }
    }

    private static String expectedProvider(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> "PostgreSQL";
            case MARIADB -> "MariaDB";
            case SQLITE -> "SQLite";
        };
    }

    /** The local PostgreSQL trusts every password, so there a role without LOGIN is what gets refused. */
    private static String loginRefusedUserSql(Engine engine, String user) {
        return switch (engine) {
            case POSTGRESQL -> "CREATE ROLE " + user + " NOLOGIN";
            default -> "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'the-right-one'";
        };
    }

    private static String dropUserSql(Engine engine, String user) {
        return switch (engine) {
            case POSTGRESQL -> "DROP ROLE IF EXISTS " + user;
            default -> "DROP USER IF EXISTS '" + user + "'@'%'";
        };
    }

    private static void admin(Engine engine, String sql) {
        TestDatabase.admin(engine, sql);
    }
}
