package dev.flowbase.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The engines' own command-line clients applying one file per process, the way a hand-rolled
 * deploy script does: {@code psql -f}, {@code mariadb < file}, {@code sqlite3 db < file}. They
 * stop at the first error, and keep no history.
 */
final class Clients {
    private Clients() {}

    static String description(BenchDatabase.Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> "psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U root -d DB -f FILE";
            case MARIADB -> "mariadb -h 127.0.0.1 -u root DB < FILE";
            case SQLITE -> "sqlite3 -bail DB.db < FILE";
        };
    }

    static void apply(BenchDatabase db, Path file) {
        switch (db.engine()) {
            case POSTGRESQL ->
                Processes.run(
                        List.of(
                                "psql",
                                "-X",
                                "-q",
                                "-v",
                                "ON_ERROR_STOP=1",
                                "-h",
                                "127.0.0.1",
                                "-U",
                                "root",
                                "-d",
                                db.name(),
                                "-f",
                                file.toString()),
                        null);
            case MARIADB -> Processes.run(List.of("mariadb", "-h", "127.0.0.1", "-u", "root", db.name()), file);
            case SQLITE ->
                Processes.run(List.of("sqlite3", "-bail", db.sqliteFile().toString()), file);
        }
    }

    static String version(BenchDatabase.Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> Processes.run("psql", "--version").strip();
            case MARIADB -> Processes.run("mariadb", "--version").strip();
            case SQLITE -> "sqlite3 " + Processes.run("sqlite3", "--version").strip();
        };
    }
}
