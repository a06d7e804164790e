package dev.flowbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commands that need no database load none of the machinery of one: no web server, no pool, no
 * Jdbi. Each runs in a JVM of its own, as a user starts it, and the JVM's class-loading log says
 * what it loaded (what a test JVM has loaded already would hide it in process).
 */
class LeanCommandsTest {
    private static final List<String> HEAVY =
            List.of("io.javalin.", "org.eclipse.jetty.", "com.zaxxer.hikari.", "org.jdbi.");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"--version", "--help", "config show", "migrate create add_probe --location probe"})
    void commandsWithoutADatabaseLoadNoServerPoolOrJdbi(String command) throws Exception {
        List<String> loaded = run(command);

        assertThat(loaded).as("classes loaded by flowbase " + command).isNotEmpty();
        assertThat(loaded.stream().filter(c -> HEAVY.stream().anyMatch(c::startsWith)))
                .as("web server, pool or Jdbi classes loaded by flowbase " + command)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionAloneLoadsNeitherPicocliNorLogback(String flag) throws Exception {
        assertThat(run(flag)).noneMatch(c -> c.startsWith("picocli.") || c.startsWith("ch.qos.logback."));
        // The short way prints the very line the long one does, commit included.
        assertThat(Files.readString(dir.resolve("output.txt")).strip())
                .matches("flowbase \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit unknown\\)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "migrate --help"})
    void helpStartsNoLogging(String command) throws Exception {
        // Help logs nothing: Logback's 200-odd classes and its start would be all cost.
        assertThat(run(command)).noneMatch(c -> c.startsWith("ch.qos.logback."));
    }

    /** The names of the classes that {@code flowbase COMMAND} loaded, on a SQLite file in a folder of its own. */
    private List<String> run(String command) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-Xlog:class+load=info:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        line.addAll(List.of(command.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DATABASE_") || k.startsWith("FLOWBASE_"));
        builder.environment().put("DATABASE_URL", "sqlite:" + dir.resolve("probe.db"));
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("flowbase " + command + " ended")
                .isTrue();
        assertThat(process.exitValue())
                .as("flowbase " + command + ": " + Files.readString(dir.resolve("output.txt")))
                .isZero();
        // Lines read "[0.012s][info][class,load] java.lang.Object source: shared objects file".
        return Files.readAllLines(log).stream()
                .map(l -> l.substring(l.indexOf("] ", l.indexOf("class,load")) + 2))
                .map(l -> l.substring(0, l.indexOf(' ')))
                .toList();
    }
}
