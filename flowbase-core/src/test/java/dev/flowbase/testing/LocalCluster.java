package dev.flowbase.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of a test's own, for what the shared server must not be given (server-wide
 * settings such as {@code synchronous_standby_names}): initdb'd in a temporary folder as the
 * {@code postgres} user (PostgreSQL refuses root), started with {@code setsid} so that it leads its
 * own process group, and stopped, then killed by that group, when the test ends.
 */
public final class LocalCluster implements AutoCloseable {
    /** Where Debian's PostgreSQL 15 keeps its server programs. */
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path folder;
    private final int port;
    private final Process server;

    private LocalCluster(Path folder, int port, Process server) {
        this.folder = folder;
        this.port = port;
        this.server = server;
    }

    /** Whether this machine can run one: PostgreSQL 15's programs, and root or postgres to run them as postgres. */
    public static boolean available() {
        String user = System.getProperty("user.name");
        return Files.isExecutable(BIN.resolve("initdb")) && ("root".equals(user) || "postgres".equals(user));
    }

    /** Starts a cluster on 127.0.0.1:{@code port} with {@code settings} added to postgresql.conf; waits until it answers. */
    public static LocalCluster start(int port, Map<String, String> settings) {
        try {
            Path folder = Files.createTempDirectory("flowbase-cluster-");
            run("chown", "postgres:postgres", folder.toString());
            Path data = folder.resolve("data");
            asPostgres(
                    BIN.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "--no-sync");
            StringBuilder conf = new StringBuilder()
                    .append("\nport = ")
                    .append(port)
                    .append("\nlisten_addresses = '127.0.0.1'")
                    .append("\nunix_socket_directories = '")
                    .append(folder)
                    .append("'")
                    .append("\nshared_buffers = '32MB'\nfsync = off\n");
            settings.forEach((k, v) -> conf.append(k).append(" = '").append(v).append("'\n"));
            Files.writeString(data.resolve("postgresql.conf"), conf, StandardOpenOption.APPEND);
            Process server = new ProcessBuilder(
                            "setsid",
                            "runuser",
                            "-u",
                            "postgres",
                            "--",
                            BIN.resolve("postgres").toString(),
                            "-D",
                            data.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("server.log").toFile())
                    .start();
            LocalCluster cluster = new LocalCluster(folder, port, server);
            cluster.awaitReady();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A URL for {@code database} on this cluster, as the superuser postgres. */
    public String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    private void awaitReady() {
        for (int attempt = 0; attempt < 300; attempt++) {
            if (!server.isAlive()) {
                throw new IllegalStateException(
                        "PostgreSQL on port " + port + " stopped: see " + folder.resolve("server.log"));
            }
            if (run(BIN.resolve("pg_isready").toString(), "-q", "-h", "127.0.0.1", "-p", String.valueOf(port)) == 0) {
                return;
            }
            try {
                server.waitFor(100, TimeUnit.MILLISECONDS); // returns early if it dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("PostgreSQL on port " + port + " did not answer within 30 s");
    }

    private static void asPostgres(String... command) {
        List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        all.addAll(List.of(command));
        if (run(all.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static int run(String... command) {
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        // An immediate stop removes the shared-memory segment; then the process group setsid made
        // (the postmaster and every backend, nothing else) in case it did not stop.
        run(
                "runuser",
                "-u",
                "postgres",
                "--",
                BIN.resolve("pg_ctl").toString(),
                "-D",
                folder.resolve("data").toString(),
                "-m",
                "immediate",
                "-w",
                "-t",
                "10",
                "stop");
        run("kill", "-KILL", "--", "-" + server.pid());
        try {
            server.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder; the next boot clears it
        }
    }
}
