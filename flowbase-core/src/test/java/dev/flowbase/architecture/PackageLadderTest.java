package dev.flowbase.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core's packages form a ladder, as docs/architecture.md draws it: each imports only packages
 * on lower rungs. Read from the sources, so a new upward import fails here with its file named.
 */
class PackageLadderTest {
    /** The rung of each package; equal rungs may not import each other either. */
    private static final Map<String, Integer> RUNG = Map.ofEntries(
            Map.entry("dev.flowbase.error", 0),
            Map.entry("dev.flowbase.util", 0),
            Map.entry("dev.flowbase.engine", 1),
            Map.entry("dev.flowbase.resilience", 1),
            Map.entry("dev.flowbase.config", 2),
            Map.entry("dev.flowbase.db", 3),
            Map.entry("dev.flowbase.redis", 3),
            Map.entry("dev.flowbase.cache", 4),
            Map.entry("dev.flowbase.migrate.sql", 4),
            Map.entry("dev.flowbase.security", 4),
            Map.entry("dev.flowbase.privilege", 4),
            Map.entry("dev.flowbase.migrate", 5),
            Map.entry("dev.flowbase.schema", 6),
            Map.entry("dev.flowbase.store", 6),
            Map.entry("dev.flowbase.queue", 7),
            Map.entry("dev.flowbase.search", 8),
            Map.entry("dev.flowbase.gdpr", 8),
            Map.entry("dev.flowbase.backup", 7),
            Map.entry("dev.flowbase.engines.postgresql", 9),
            Map.entry("dev.flowbase.engines.mariadb", 9),
            Map.entry("dev.flowbase.engines.sqlite", 9),
            Map.entry("dev.flowbase.seed", 9),
            Map.entry("dev.flowbase.status", 9),
            Map.entry("dev.flowbase.setup", 10),
            Map.entry("dev.flowbase", 11));

    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?(dev\\.flowbase(?:\\.[a-z]+)*)\\.[A-Z]", Pattern.MULTILINE);

    @Test
    void everyPackageImportsOnlyPackagesOnLowerRungs() throws IOException {
        Path root = Path.of("src/main/java");
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file.getParent()).toString().replace('/', '.');
                Integer from = RUNG.get(pkg);
                assertThat(from)
                        .as("%s is in no rung of the ladder: give %s one", file, pkg)
                        .isNotNull();
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String imported = m.group(1);
                    Integer to = RUNG.get(imported);
                    if (!imported.equals(pkg) && (to == null || to >= from)) {
                        upward.add(root.relativize(file) + " imports " + imported);
                    }
                }
            }
        }
        assertThat(upward).isEmpty();
    }

    @Test
    void noPackageBelowTheEngineKitsNamesAnEngineClass() throws IOException {
        Path root = Path.of("src/main/java/dev/flowbase");
        Pattern engineClass =
                Pattern.compile("\\b(Postgres|MariaDb|Sqlite)(Dialect|Migrations|CatalogQueries|Scratch|Engine)\\b");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.toString().contains("/engines/"))
                    .toList()) {
                if (engineClass.matcher(Files.readString(file)).find()) {
                    found.add(root.relativize(file).toString());
                }
            }
        }
        assertThat(found).as("engine classes named outside their kits").isEmpty();
    }
}
