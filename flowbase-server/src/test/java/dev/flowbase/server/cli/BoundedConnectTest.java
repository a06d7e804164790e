package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.EngineTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Connecting ends within DB_CONNECTION_TIMEOUT whatever the other side does. The test's listener
 * accepts connections and never says a word, which is what a stalled server, a wrong port on a
 * proxy or a half-open TLS terminator look like to a client.
 */
class BoundedConnectTest {

    @EngineTest
    void aListenerThatAcceptsAndStaysSilentIsReportedWithinTheTimeout(Engine engine) throws Exception {
        assumeFalse(engine.isEmbedded(), "SQLite has no server to wait for");
        try (var silent = new SilentListener()) {
            String url = engine.id() + "://fbuser@127.0.0.1:" + silent.port() + "/fbdb";

            // The bound is asserted by the future: without it the command would wait for the driver (minutes).
            CliRun run = CompletableFuture.supplyAsync(
                            () -> CliRun.of(Map.of("DB_CONNECTION_TIMEOUT", "500"), "test-connection", "--url", url))
                    .get(60, TimeUnit.SECONDS);

            assertThat(run.status()).isEqualTo(ErrorCode.CONNECTION_FAILED.exitCode());
            assertThat(run.err()).contains("127.0.0.1:" + silent.port()).contains("within 500 ms");
            assertThat(silent.accepted()).isPositive();
        }
    }

    @EngineTest
    void aHostNameThatDoesNotResolveIsCalledADnsFailure(Engine engine) {
        assumeFalse(engine.isEmbedded(), "SQLite has no host");
        String url = engine.id() + "://fbuser@no-such-host.invalid:5432/fbdb";

        CliRun run = CliRun.of("test-connection", "--url", url);

        assertThat(run.status()).isEqualTo(ErrorCode.CONNECTION_FAILED.exitCode());
        assertThat(run.err()).contains("'no-such-host.invalid' could not be resolved (DNS)");
    }

    /** Accepts every connection on a free loopback port and holds it open without reading or writing. */
    private static final class SilentListener implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new ArrayList<>();
        private final Thread acceptor;

        SilentListener() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        Socket s = server.accept();
                        synchronized (held) {
                            held.add(s);
                        }
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            synchronized (held) {
                return held.size();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            try {
                acceptor.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
