package dev.flowbase.backup;

import dev.flowbase.db.Dialect;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.Printable;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An engine's own command-line tool ({@code pg_dump}, {@code mariadb-dump}, …), found on {@code PATH}
 * and run with its password in a file only the owner can read (named by an environment variable or an
 * option), never on its command line, where {@code ps} would show it to every user of the machine.
 */
public record NativeTool(String name, Path path) {

    /** The tool called {@code name} on {@code PATH}, or a clear error saying what to install. */
    public static NativeTool find(String name, String packageHint) {
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new NativeTool(name, candidate);
            }
        }
        throw new FlowbaseException(
                ErrorCode.INVALID_CONFIGURATION,
                name + " was not found on PATH (" + Printable.escape(pathVariable) + "): install " + packageHint
                        + ", or take a portable backup (backup create without --native)");
    }

    /** The first line of {@code tool --version}, for the manifest. */
    public String version() {
        return run(List.of("--version"), Map.of(), null, null)
                .lines()
                .findFirst()
                .orElse(name);
    }

    /**
     * Runs the tool with {@code args}, {@code env} added to its environment, standard input from
     * {@code stdin} and standard output to {@code stdout} (either may be null), and returns what it
     * wrote to standard output when that was not redirected. A failure names the tool, its exit status
     * and the last lines it wrote to standard error.
     */
    public String run(List<String> args, Map<String, String> env, Path stdin, Path stdout) {
        List<String> command = new ArrayList<>();
        command.add(path.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Path errors = null;
        try {
            errors = Files.createTempFile("flowbase-" + name + "-", ".err");
            builder.redirectError(errors.toFile());
            builder.redirectInput(
                    stdin == null
                            ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                            : ProcessBuilder.Redirect.from(stdin.toFile()));
            if (stdout != null) {
                builder.redirectOutput(stdout.toFile());
            }
            Process process = builder.start();
            String output =
                    stdout == null ? new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
            int status = process.waitFor();
            if (status != 0) {
                List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
                String tail = lines.subList(Math.max(0, lines.size() - 5), lines.size()).stream()
                        .map(Printable::escape)
                        .collect(Collectors.joining(" / "));
                throw new FlowbaseException(
                        ErrorCode.DATABASE_ERROR, name + " failed (exit status " + status + "): " + tail);
            }
            return output;
        } catch (IOException e) {
            throw new FlowbaseException(ErrorCode.INTERNAL, "cannot run " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowbaseException(ErrorCode.INTERNAL, name + " was interrupted", e);
        } finally {
            deleteQuietly(errors);
        }
    }

    /**
     * A new file readable and writable by its owner only, holding {@code text}: a password file for the
     * tool. The caller deletes it ({@link #deleteQuietly}) as soon as the tool has ended.
     */
    public static Path secretFile(String text) {
        try {
            Path file = Files.createTempFile(
                    "flowbase-native-",
                    ".cnf",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new FlowbaseException(ErrorCode.INTERNAL, "cannot write a password file: " + e.getMessage(), e);
        }
    }

    public static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file in the temporary directory: the system cleans it eventually
            }
        }
    }

    /** Rows of each of {@code tables}, counted on {@code connection} (in whatever snapshot it holds). */
    public static Map<String, Long> count(Connection connection, Dialect dialect, List<String> tables)
            throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + dialect.quoteIdentifier(table))) {
                    rs.next();
                    rows.put(table, rs.getLong(1));
                }
            }
        }
        return rows;
    }

    /** The tables of the database {@code connection} uses (its current schema), but the engine's own. */
    public static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection
                .getMetaData()
                .getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.startsWith("sqlite_")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }
}
