package dev.flowbase.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generated migration folders. The names ({@code V<n>__<desc>.sql}) mean the same to Flowbase and
 * to Flyway, so both tools read the very same files.
 */
final class MigrationFiles {
    private MigrationFiles() {}

    /** {@code count} one-statement migrations, each creating a one-column table: the per-migration overhead shows. */
    static Path tiny(Path parent, int count) {
        Path dir = fresh(parent.resolve("tiny-" + count));
        for (int i = 1; i <= count; i++) {
            write(dir.resolve("V" + i + "__create_t" + i + ".sql"), "CREATE TABLE t_" + i + " (id INT PRIMARY KEY);\n");
        }
        return dir;
    }

    /**
     * {@code count} migrations that each insert one row into a table the first one creates: the
     * database's own work per migration is as small as it gets, so what remains is the tool's.
     */
    static Path tinyInserts(Path parent, int count) {
        Path dir = fresh(parent.resolve("inserts-" + count));
        write(dir.resolve("V1__create_rows.sql"), "CREATE TABLE bench_rows (n INT PRIMARY KEY);\n");
        for (int i = 2; i <= count; i++) {
            write(dir.resolve("V" + i + "__row_" + i + ".sql"), "INSERT INTO bench_rows (n) VALUES (" + i + ");\n");
        }
        return dir;
    }

    /**
     * {@code count} migrations shaped like an application's history: a table with a few columns and
     * an index, some rows, and every third one altering the previous table. Portable SQL, so the
     * same files run on all three engines.
     */
    static Path realistic(Path parent, int count) {
        Path dir = fresh(parent.resolve("realistic-" + count));
        for (int i = 1; i <= count; i++) {
            StringBuilder sql = new StringBuilder("-- Migration " + i + ": the " + i + "th entity of the app.\n");
            sql.append("CREATE TABLE entity_")
                    .append(i)
                    .append(" (\n")
                    .append("    id INTEGER PRIMARY KEY,\n")
                    .append("    name VARCHAR(100) NOT NULL,\n")
                    .append("    amount DECIMAL(12, 2),\n")
                    .append("    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n")
                    .append(");\n");
            sql.append("CREATE INDEX entity_")
                    .append(i)
                    .append("_name ON entity_")
                    .append(i)
                    .append(" (name);\n");
            sql.append("INSERT INTO entity_")
                    .append(i)
                    .append(" (id, name, amount) VALUES")
                    .append(" (1, 'first; not a split', 1.50), (2, 'it''s quoted', 2.25), (3, 'third', NULL);\n");
            if (i % 3 == 0) {
                sql.append("ALTER TABLE entity_").append(i - 1).append(" ADD COLUMN note VARCHAR(200);\n");
            }
            write(dir.resolve("V" + i + "__entity_" + i + ".sql"), sql.toString());
        }
        return dir;
    }

    /** The files in version order, as a client applying them one by one takes them. */
    static List<Path> inVersionOrder(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = new ArrayList<>(files.toList());
            list.sort((a, b) -> Integer.compare(version(a), version(b)));
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static Path fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.list(dir)) {
                    for (Path f : old.toList()) {
                        Files.delete(f);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
