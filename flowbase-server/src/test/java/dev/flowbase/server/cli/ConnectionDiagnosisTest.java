package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** What went wrong on the way to the server, said so that the user knows what to change. */
class ConnectionDiagnosisTest {
    private static final String PASSWORD_WITH_ESCAPE = "Zq9%41x";

    @EngineTest
    void aDriverParameterThatDoesNotParseIsAConfigurationErrorNamingIt(TestDatabase db) {
        String parameter = db.engine() == Engine.SQLITE ? "busy_timeout" : "connectTimeout";
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + parameter + "=abc";

        CliRun run = CliRun.of("test-connection", "--url", url);

        assertThat(run.status()).as(run.all()).isEqualTo(ErrorCode.INVALID_CONFIGURATION.exitCode());
        assertThat(run.err()).contains("parameter " + parameter + "=abc").doesNotContain("Exception");
    }

    @EngineTest
    void somethingThatAnswersButIsNotTheServerIsNamedAsSuch(TestDatabase db) throws Exception {
        assumeFalse(db.engine().isEmbedded(), "SQLite has no server to reach");
        ServerSocket impostor = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread closer = Thread.ofVirtual().start(() -> closeEveryConnection(impostor));
        String url = db.engine().id() + "://root@127.0.0.1:" + impostor.getLocalPort() + "/" + db.name();
        CliRun run;
        try {
            run = CliRun.of("test-connection", "--url", url);
        } finally {
            impostor.close();
            closer.join();
        }

        assertThat(run.status()).isEqualTo(ErrorCode.CONNECTION_FAILED.exitCode());
        assertThat(run.err())
                .contains("127.0.0.1:" + impostor.getLocalPort())
                .contains("closed the connection before a " + db.engine().id() + " session was set up")
                .contains("check the host and port")
                .doesNotContain("did not answer");
    }

    @EngineTest
    void aRefusedLoginWithAPercentInTheUrlPasswordSaysThatUrlEncodingApplies(TestDatabase db) {
        assumeFalse(db.engine().isEmbedded(), "SQLite has no users");
        String url = db.engine().id() + "://fbt_nobody:" + PASSWORD_WITH_ESCAPE + "@"
                + db.config().host() + ":" + db.config().port() + "/" + db.name();

        CliRun run = CliRun.of("test-connection", "--url", url);

        assertThat(run.status()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED.exitCode());
        assertThat(run.err())
                .contains("refused user 'fbt_nobody'")
                .contains("URL encoding applies")
                .contains("%25")
                .doesNotContain(PASSWORD_WITH_ESCAPE)
                .doesNotContain("Zq9Ax");
    }

    @EngineTest
    void aRefusedLoginWithoutAPercentGetsNoSuchHint(TestDatabase db) {
        assumeFalse(db.engine().isEmbedded(), "SQLite has no users");
        String url = db.engine().id() + "://fbt_nobody:plain@" + db.config().host() + ":"
                + db.config().port() + "/" + db.name();

        CliRun run = CliRun.of("test-connection", "--url", url);

        assertThat(run.err()).doesNotContain("URL encoding");
    }

    private static void closeEveryConnection(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.shutdownOutput(); // closed at once, as a middlebox or another service may: not a database
            } catch (IOException e) {
                return;
            }
        }
    }
}
