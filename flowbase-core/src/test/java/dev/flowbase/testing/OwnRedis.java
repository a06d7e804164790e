package dev.flowbase.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A redis-server of the test's own, on a port of its own, that the test may kill and start again.
 * Started in a session of its own ({@code setsid}), so killing it reaches nothing else.
 */
public final class OwnRedis implements AutoCloseable {
    private final int port;
    private Process process;

    public OwnRedis(int port) {
        this.port = port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** Starts the server and returns once it says it accepts connections. */
    public OwnRedis start() throws IOException {
        process = new ProcessBuilder(
                        "setsid",
                        "redis-server",
                        "--port",
                        String.valueOf(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains("Ready to accept connections")) {
                Thread.ofPlatform().daemon().start(() -> out.lines().forEach(l -> {}));
                return this;
            }
        }
        throw new IOException("redis-server on port " + port + " stopped before it was ready");
    }

    /** Kills the server at once, as a crash would. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            process.onExit().join();
            process = null;
        }
    }

    @Override
    public void close() {
        kill();
    }
}
