package dev.flowbase.migrate;

import dev.flowbase.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Script sets under {@code src/test/resources/migrations}, copies to edit, and looks at the catalog. */
final class Fixtures {
    private Fixtures() {}

    /** A writable copy of {@code migrations/<name>} in {@code target}. */
    static Path copy(String name, Path target) {
        try {
            Path source =
                    Path.of(Fixtures.class.getResource("/migrations/" + name).toURI());
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Migrator migrator(Database db, Path dir) {
        return Migrator.configure()
                .database(db)
                .location(MigrationLocation.directory(dir))
                .table("test_history")
                .load();
    }

    /** {@link #migrator(Database, Path)} with placeholder values. */
    static Migrator migrator(Database db, Path dir, Map<String, String> placeholders) {
        return Migrator.configure()
                .database(db)
                .location(MigrationLocation.directory(dir))
                .table("test_history")
                .placeholders(placeholders)
                .load();
    }

    static List<String> versions(List<ExecutedScript> scripts) {
        return scripts.stream().map(ExecutedScript::version).toList();
    }

    /** Every table and view with its columns and types, as the driver's metadata describes them. */
    static List<String> catalog(Database db) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = db.connection()) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet t = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE", "VIEW"})) {
                while (t.next()) {
                    lines.add(t.getString("TABLE_TYPE") + " " + t.getString("TABLE_NAME"));
                }
            }
            try (ResultSet col = md.getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
                while (col.next()) {
                    lines.add(col.getString("TABLE_NAME") + "." + col.getString("COLUMN_NAME") + " "
                            + col.getString("TYPE_NAME") + " " + col.getString("IS_NULLABLE"));
                }
            }
        }
        return lines;
    }

    static List<String> tables(Database db) throws SQLException {
        return catalog(db).stream()
                .filter(l -> l.startsWith("TABLE "))
                .map(l -> l.substring(6).toLowerCase(Locale.ROOT))
                .toList();
    }

    static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
