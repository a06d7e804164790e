package dev.flowbase.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own that speaks TLS only, on {@link #PORT}: the shared one
 * runs without TLS and the machine has no certificate. It makes a CA, a server certificate for
 * {@code localhost} only (so {@code 127.0.0.1} is a wrong host name under verify-full) and a
 * second CA that signed nothing, then runs {@code postgres} as the {@code postgres} user
 * (PostgreSQL refuses root) in a session of its own, stopped by process group.
 */
public final class TlsPostgres implements AutoCloseable {
    /** In this branch's port range (17700-17799). */
    public static final int PORT = 17701;

    private static final String EC = "ec_paramgen_curve:prime256v1";

    public final Path dir;
    public final Path ca;
    public final Path otherCa;
    private final Process server;
    private final List<String> log = new ArrayList<>();

    private TlsPostgres(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        this.ca = dir.resolve("ca.crt");
        this.otherCa = dir.resolve("other-ca.crt");
        Path data = dir.resolve("data");
        certificates();
        run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        run(List.of(
                "runuser",
                "-u",
                "postgres",
                "--",
                bin("initdb"),
                "-D",
                data.toString(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "-E",
                "UTF8"));
        // TLS only: a plain connection is refused, so a passing test proves the session was encrypted.
        Files.writeString(
                data.resolve("pg_hba.conf"),
                "hostssl all all 127.0.0.1/32 trust\nhostnossl all all 127.0.0.1/32 reject\n");
        this.server = new ProcessBuilder(
                        "setsid",
                        "runuser",
                        "-u",
                        "postgres",
                        "--",
                        bin("postgres"),
                        "-D",
                        data.toString(),
                        "-p",
                        String.valueOf(PORT),
                        "-c",
                        "listen_addresses=127.0.0.1",
                        "-c",
                        "unix_socket_directories=" + dir,
                        "-c",
                        "ssl=on",
                        "-c",
                        "ssl_cert_file=" + dir.resolve("server.crt"),
                        "-c",
                        "ssl_key_file=" + dir.resolve("server.key"),
                        "-c",
                        "fsync=off")
                .redirectErrorStream(true)
                .start();
        awaitReady();
    }

    /** Makes the certificates and starts the cluster; {@link #close} stops it and removes everything. */
    public static TlsPostgres start() {
        try {
            Path dir = Files.createTempDirectory("flowbase-tls-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new TlsPostgres(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A URL to the cluster's {@code postgres} database by {@code host}, with {@code query} appended. */
    public String url(String host, String query) {
        return "postgresql://postgres@" + host + ":" + PORT + "/postgres" + (query.isEmpty() ? "" : "?" + query);
    }

    private void certificates() throws IOException, InterruptedException {
        selfSignedCa("ca", "/CN=Flowbase test CA");
        selfSignedCa("other-ca", "/CN=Another CA");
        openssl(
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                EC,
                "-nodes",
                "-keyout",
                "server.key",
                "-out",
                "server.csr",
                "-subj",
                "/CN=localhost");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n");
        openssl(
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "server.crt",
                "-days",
                "2",
                "-extfile",
                "server.ext");
        Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
    }

    private void selfSignedCa(String name, String subject) throws IOException, InterruptedException {
        openssl(
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                EC,
                "-nodes",
                "-keyout",
                name + ".key",
                "-out",
                name + ".crt",
                "-days",
                "2",
                "-subj",
                subject);
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        run(command);
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** Reads the server's log until it says it is ready (or ends), then keeps draining it. */
    private void awaitReady() throws IOException {
        var lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            log.add(line);
            if (line.contains("ready to accept connections")) {
                Thread drain = new Thread(() -> lines.lines().forEach(l -> {}), "tls-postgres-log");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("the TLS PostgreSQL cluster did not start:\n" + String.join("\n", log));
    }

    private static String bin(String program) {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin").resolve(program))
                    .filter(Files::isExecutable)
                    .max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no " + program + " under /usr/lib/postgresql"))
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the cluster's whole process group (fast shutdown), then removes its files. */
    @Override
    public void close() {
        try {
            long group = server.pid();
            new ProcessBuilder("kill", "-INT", "--", "-" + group).start().waitFor();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                new ProcessBuilder("kill", "-KILL", "--", "-" + group).start().waitFor();
                server.waitFor();
            }
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
