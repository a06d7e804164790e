package dev.flowbase.server;

import dev.flowbase.server.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training runs behind the start-up caches ({@code bin/aot-train}), each in a working folder
 * of its own. {@code commands}: the common one-shot commands, one after another in one JVM, on a
 * SQLite file, so the JDK records every class they load and link (JEP 483, 514, 515); {@code status}
 * and {@code migrate}: those commands alone, on the file {@code commands} made, for caches of only
 * their classes.
 * {@code serve}: a first run of {@code serve} there (it initialises {@code ./data/}) up to its first
 * healthy answer. Several caches, because a cache's classes are all loaded when the JVM starts: the
 * web server's thousands would cost every one-shot command more than they save, and a command's own
 * classes start it cheaper than every command's (bench/RESULTS.md). What the commands print
 * is thrown away; a failure ends the run with an exception, and the cache is then not kept.
 */
public final class AotTraining {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private AotTraining() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && "serve".equals(args[0])) {
            serveUntilHealthy();
        } else if (args.length == 2 && "commands".equals(args[0])) {
            commands();
            copySqliteLibrary(Path.of(args[1]));
        } else if (args.length == 1 && "status".equals(args[0])) {
            status();
        } else if (args.length == 1 && "migrate".equals(args[0])) {
            migrate();
        } else {
            throw new IllegalArgumentException("give one of: commands NATIVE_DIR, serve, status, migrate");
        }
        System.exit(0); // stops a server through its shutdown hook, as SIGTERM would
    }

    private static void commands() {
        String url = "sqlite:training.db";
        run("--version");
        run("--help");
        run("migrate", "--help");
        run("config", "show", "--url", url);
        run("migrate", "create", "training", "--location", "training-migrations");
        run("init", "--url", url, "--json");
        run("migrate", "status", "--url", url);
        run("migrate", "status", "--url", url, "--json");
        run("status", "--url", url);
        run("status", "--url", url, "--json");
        run("schema", "validate", "--url", url);
        run("queue", "stats", "--url", url);
        run("test-connection", "--url", url, "--json");
        run("migrate", "status", "--url", "postgresql://127.0.0.1:1/none"); // a failure's path too
    }

    /** {@code status} alone, on the database that {@link #commands()} made (bin/aot-train copies it here). */
    private static void status() {
        String url = "sqlite:training.db";
        run("status", "--url", url);
        run("status", "--url", url, "--json");
        run("status", "--url", "postgresql://127.0.0.1:1/none");
    }

    /** The {@code migrate} commands that read, on the database that {@link #commands()} made. */
    private static void migrate() {
        String url = "sqlite:training.db";
        run("migrate", "status", "--url", url);
        run("migrate", "status", "--url", url, "--json");
        run("migrate", "validate", "--url", url);
        run("migrate", "validate", "--url", url, "--json");
        run("migrate", "up", "--url", url);
        run("migrate", "status", "--url", "postgresql://127.0.0.1:1/none");
    }

    /**
     * sqlite-jdbc copies its native library out of its jar into a new temporary file on every
     * start, and reads both to compare them; a copy made once here is loaded directly
     * ({@code -Dorg.sqlite.lib.path}, see bin/flowbase). Looked up by name, as the driver is the
     * core's runtime dependency, not the server's. Should that copy fail to load, the driver
     * falls back to its own way.
     */
    private static void copySqliteLibrary(Path dir) throws Exception {
        Class<?> util = Class.forName("org.sqlite.util.LibraryLoaderUtil");
        String folder = (String) util.getMethod("getNativeLibResourcePath").invoke(null);
        String name = (String) util.getMethod("getNativeLibName").invoke(null);
        try (InputStream in = util.getResourceAsStream(folder + "/" + name)) {
            if (in != null) {
                Files.createDirectories(dir);
                Path part = Files.createTempFile(dir, name, ".part");
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static int run(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Cli(Map.of(), sink, sink).run(args);
    }

    /** {@code serve} on a new machine (a first run), up to its first healthy answer on /health. */
    private static void serveUntilHealthy() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        Thread serve =
                Thread.ofPlatform().daemon().start(() -> new Cli(Map.of(), stream, stream).run("serve", "--port", "0"));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && serve.isAlive()) {
            Matcher m = LISTENING.matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                get(m.group(1) + "/health");
                get(m.group(1) + "/");
                return;
            }
            Thread.sleep(20); // a training run, not a test: polling the captured output is enough
        }
        throw new IllegalStateException("serve did not start: " + out.toString(StandardCharsets.UTF_8));
    }

    private static void get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        } finally {
            c.disconnect();
        }
    }
}
