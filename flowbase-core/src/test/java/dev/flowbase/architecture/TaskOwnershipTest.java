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
 * A task's life has one writer: the queue ({@code dev.flowbase.queue}, whose transition table
 * names every move). Read from the sources of the core and the server, so a class elsewhere that
 * inserts, updates or deletes {@code tasks} or {@code task_queue} rows (in SQL or through a bulk
 * loader) fails here with its file and line named. The engines' claim statements are the queue's
 * too: the classes that implement its engine part ({@code QueueSql}) may write both tables.
 */
class TaskOwnershipTest {
    private static final Pattern WRITE =
            Pattern.compile("(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(?:tasks|task_queue)\\b"
                    + "|\\.load\\([^;]*\"(?:tasks|task_queue)\"");

    /**
     * A write whose table is a value ({@code "DELETE FROM " + table}): the first test cannot read
     * which table it writes, so outside the queue only the files below may build one, each because
     * its tables never include {@code tasks} or {@code task_queue}, or because it writes every table
     * on purpose. Retention once deleted tasks this way, unseen; it now names each table it deletes.
     */
    private static final Pattern BUILT_WRITE = Pattern.compile(
            "\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s*\"\\s*\\+|\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(?:%s|<\\w+>)");

    private static final Map<String, String> BUILT_WRITERS = Map.of(
            "dev/flowbase/migrate/HistoryTable.java", "the migration history table, under its configured name",
            "dev/flowbase/db/BatchLoader.java", "the bulk loader, whose callers the first test reads",
            "dev/flowbase/store/Rows.java", "the stores' inserts, whose tables are their own",
            "dev/flowbase/backup/BackupSql.java", "a restore with --replace empties every table it restores",
            "dev/flowbase/seed/Seeder.java", "a seed with reset empties every table");

    private static final List<Path> SOURCES =
            List.of(Path.of("src/main/java"), Path.of("../flowbase-server/src/main/java"));

    @Test
    void onlyTheQueueWritesTasksOrTheirQueueRows() throws IOException {
        List<String> writers = new ArrayList<>();
        for (Path root : SOURCES) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    if (isQueue(root.relativize(file), source)) {
                        continue;
                    }
                    Matcher m = WRITE.matcher(source);
                    while (m.find()) {
                        int line = source.substring(0, m.start()).split("\n", -1).length;
                        writers.add(root.relativize(file) + ":" + line + " writes: " + m.group());
                    }
                }
            }
        }
        assertThat(writers)
                .as("only dev.flowbase.queue (and the engines' QueueSql) may write tasks and task_queue:"
                        + " go through Queue (enqueue, move, requeue, cancel, update)")
                .isEmpty();
    }

    @Test
    void noWriteOutsideTheQueueBuildsItsTableNameExceptTheKnownOnes() throws IOException {
        List<String> writers = new ArrayList<>();
        for (Path root : SOURCES) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    String path = root.relativize(file).toString().replace('\\', '/');
                    if (isQueue(root.relativize(file), source) || BUILT_WRITERS.containsKey(path)) {
                        continue;
                    }
                    Matcher m = BUILT_WRITE.matcher(source);
                    while (m.find()) {
                        int line = source.substring(0, m.start()).split("\n", -1).length;
                        writers.add(path + ":" + line + " builds: " + m.group());
                    }
                }
            }
        }
        assertThat(writers)
                .as(
                        "write statements outside the queue name their table, so that the test above reads"
                                + " whether it is tasks or task_queue; a file that must build it goes in BUILT_WRITERS with why")
                .isEmpty();
    }

    private static boolean isQueue(Path file, String source) {
        String path = file.toString().replace('\\', '/');
        return path.startsWith("dev/flowbase/queue/")
                || (path.startsWith("dev/flowbase/engines/") && source.contains("implements QueueSql"));
    }
}
