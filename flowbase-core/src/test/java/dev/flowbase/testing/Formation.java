package dev.flowbase.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A pg_auto_failover formation of a test's own: a monitor and two PostgreSQL nodes on three ports
 * from {@code basePort}, with the fast health-check settings of ../shared/failover-notes.md
 * (promotion in about 10 s). Every pg_autoctl runs as the {@code postgres} user, started with
 * {@code setsid}, so that killing a node's process group ends its keeper, its postgres and every
 * backend. Needs Debian's postgresql-15-auto-failover and pg-auto-failover-cli ({@code bin/test}
 * installs them).
 */
public final class Formation implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String[] MONITOR_SETTINGS = {
        "shared_buffers = '128MB'",
        "pgautofailover.health_check_period = 1000",
        "pgautofailover.health_check_timeout = 1000",
        "pgautofailover.health_check_max_retries = 1",
        "pgautofailover.health_check_retry_delay = 500",
        "pgautofailover.node_considered_unhealthy_timeout = 3000",
        "pgautofailover.primary_demote_timeout = 5000"
    };

    private final Path folder;
    private final int basePort;
    private final List<Process> groups = new ArrayList<>();
    private final Process[] nodes = new Process[2];

    private Formation(Path folder, int basePort) {
        this.folder = folder;
        this.basePort = basePort;
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/pg_autoctl")) && LocalCluster.available();
    }

    /** Brings the formation up: the monitor, node 1 as primary, node 2 as its synchronous secondary. */
    public static Formation start(int basePort) {
        try {
            Path folder = Files.createTempDirectory("flowbase-formation-");
            Formation f = new Formation(folder, basePort);
            f.up();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void up() throws IOException {
        exec("chown", "postgres:postgres", folder.toString());
        autoctl(
                "create",
                "monitor",
                "--pgdata",
                pgdata("monitor"),
                "--pgport",
                String.valueOf(basePort),
                "--hostname",
                "127.0.0.1",
                "--auth",
                "trust",
                "--no-ssl");
        Files.writeString(
                Path.of(pgdata("monitor"), "postgresql.conf"),
                "\n" + String.join("\n", MONITOR_SETTINGS) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        groups.add(run("monitor"));
        await(() -> sql(basePort, "pg_auto_failover", "autoctl_node"), "the monitor to answer");
        for (int n = 1; n <= 2; n++) {
            String name = "node" + n;
            autoctl(
                    "create",
                    "postgres",
                    "--pgdata",
                    pgdata(name),
                    "--pgport",
                    String.valueOf(basePort + n),
                    "--hostname",
                    "127.0.0.1",
                    "--monitor",
                    "postgres://autoctl_node@127.0.0.1:" + basePort + "/pg_auto_failover?sslmode=disable",
                    "--auth",
                    "trust",
                    "--no-ssl",
                    "--pgctl",
                    BIN.resolve("pg_ctl").toString(),
                    "--dbname",
                    "flowbase",
                    "--name",
                    name);
            // Below the demote timeout: a primary cut off from the monitor demotes itself first.
            autoctl("config", "set", "--pgdata", pgdata(name), "timeout.network_partition_timeout", "3");
            Files.writeString(
                    Path.of(pgdata(name), "postgresql.conf"),
                    "\nshared_buffers = '128MB'\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            nodes[n - 1] = run(name);
            groups.add(nodes[n - 1]);
            String wanted = n == 1 ? "single" : "secondary";
            await(() -> state().contains(wanted), "node " + n + " to report " + wanted);
        }
        await(
                () -> state().lines()
                                .filter(l -> l.matches(".*\\| +(primary|secondary) +\\| +(primary|secondary)$"))
                                .count()
                        == 2,
                "a primary and a secondary");
    }

    /** A multi-host URL of the formation's database, asking for the primary. */
    public String url() {
        return "postgresql://postgres@127.0.0.1:" + (basePort + 1) + ",127.0.0.1:" + (basePort + 2)
                + "/flowbase?targetServerType=primary";
    }

    /** The monitor's view: {@code pg_autoctl show state}. */
    public String state() {
        return output(autoctlCommand("show", "state", "--pgdata", pgdata("monitor")));
    }

    /**
     * Kills node {@code n}'s whole process group (kill -9: keeper, postgres, every backend) and
     * removes its orphaned shared-memory segment.
     */
    public void kill(int n) {
        exec("kill", "-KILL", "--", "-" + nodes[n - 1].pid());
        try {
            nodes[n - 1].waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeSharedMemory(Path.of(pgdata("node" + n), "postmaster.pid"));
    }

    /** The port of node {@code n} (1 or 2). */
    public int port(int n) {
        return basePort + n;
    }

    private static void removeSharedMemory(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            // The seventh line of postmaster.pid holds the segment's key and id.
            String[] keyAndId = lines.get(6).strip().split("\\s+");
            if (keyAndId.length == 2) {
                exec("ipcrm", "-m", keyAndId[1]);
            }
        } catch (IOException | RuntimeException e) {
            // no segment to remove
        }
    }

    private String pgdata(String name) {
        return folder.resolve(name).toString();
    }

    private Process run(String name) throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid"));
        command.addAll(autoctlCommand("run", "--pgdata", pgdata(name)));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    private void autoctl(String... args) {
        String out = output(autoctlCommand(args));
        if (out == null) {
            throw new IllegalStateException("pg_autoctl " + String.join(" ", args) + " failed: see " + folder);
        }
    }

    /** pg_autoctl as postgres, its configuration and state kept in the formation's folder. */
    private List<String> autoctlCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(
                "runuser",
                "-u",
                "postgres",
                "--",
                "env",
                "XDG_CONFIG_HOME=" + folder.resolve("config"),
                "XDG_DATA_HOME=" + folder.resolve("data"),
                "XDG_RUNTIME_DIR=" + folder.resolve("run"),
                "PATH=" + BIN + ":/usr/bin:/bin",
                "pg_autoctl"));
        command.addAll(List.of(args));
        return command;
    }

    /** The command's output, or null when it failed. */
    private static String output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean sql(int port, String database, String user) {
        return output(List.of(
                        "psql",
                        "-q",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        String.valueOf(port),
                        "-U",
                        user,
                        "-d",
                        database,
                        "-c",
                        "SELECT 1"))
                != null;
    }

    private static void exec(String... command) {
        output(List.of(command));
    }

    /** Waits for {@code condition}, asked every half second: pg_autoctl has no way to wait for a state. */
    private void await(BooleanSupplier condition, String what) {
        for (int attempt = 0; attempt < 240; attempt++) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not yet
            }
            try {
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("waited 2 min for " + what + "; logs in " + folder);
    }

    @Override
    public void close() {
        for (Process group : groups) {
            exec("kill", "-KILL", "--", "-" + group.pid());
        }
        for (Process group : groups) {
            try {
                group.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (String name : List.of("monitor", "node1", "node2")) {
            removeSharedMemory(Path.of(pgdata(name), "postmaster.pid"));
        }
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder
        }
    }
}
