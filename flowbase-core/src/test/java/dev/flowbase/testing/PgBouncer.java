package dev.flowbase.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * A pgbouncer of a test's own in transaction mode, in front of a PostgreSQL server: every client
 * may use any database as user {@code root}, without a password. It runs as {@code postgres}
 * (pgbouncer refuses root), under {@code setsid}, and is killed by its process group.
 */
public final class PgBouncer implements AutoCloseable {
    private static final Path PROGRAM = Path.of("/usr/sbin/pgbouncer");

    private final Path folder;
    private final int port;
    private final Process process;

    private PgBouncer(Path folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    public static boolean available() {
        return Files.isExecutable(PROGRAM) && LocalCluster.available();
    }

    public static PgBouncer start(int port, String serverHost, int serverPort) {
        try {
            Path folder = Files.createTempDirectory("flowbase-pgbouncer-");
            Files.writeString(
                    folder.resolve("pgbouncer.ini"),
                    String.join(
                            "\n",
                            "[databases]",
                            "* = host=" + serverHost + " port=" + serverPort + " user=root",
                            "[pgbouncer]",
                            "listen_addr = 127.0.0.1",
                            "listen_port = " + port,
                            "unix_socket_dir = " + folder,
                            "auth_type = any",
                            "pool_mode = transaction",
                            "default_pool_size = 10",
                            "max_client_conn = 200",
                            // pgJDBC sends these at login; pgbouncer 1.18 passes none of them on.
                            "ignore_startup_parameters = extra_float_digits,options",
                            ""));
            new ProcessBuilder("chown", "-R", "postgres:postgres", folder.toString())
                    .start()
                    .waitFor();
            Process process = new ProcessBuilder(
                            "setsid",
                            "runuser",
                            "-u",
                            "postgres",
                            "--",
                            PROGRAM.toString(),
                            folder.resolve("pgbouncer.ini").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("pgbouncer.log").toFile())
                    .start();
            PgBouncer bouncer = new PgBouncer(folder, port, process);
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    private void awaitListening() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                new Socket("127.0.0.1", port).close();
                return;
            } catch (IOException notYet) {
                if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                    break; // it stopped
                }
            }
        }
        throw new IllegalStateException(
                "pgbouncer did not listen on " + port + ": see " + folder.resolve("pgbouncer.log"));
    }

    @Override
    public void close() {
        try {
            new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid())
                    .start()
                    .waitFor();
            process.waitFor(10, TimeUnit.SECONDS);
            try (var files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // a temporary folder
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
