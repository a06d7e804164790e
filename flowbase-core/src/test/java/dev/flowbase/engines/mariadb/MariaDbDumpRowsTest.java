package dev.flowbase.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows of a mariadb-dump file, counted from its INSERT statements however they are laid out. */
class MariaDbDumpRowsTest {
    @TempDir
    Path dir;

    @Test
    void tuplesAreCountedAcrossLinesPastColumnListsAndParenthesesInStrings() throws Exception {
        Path dump = dir.resolve("x.sql");
        Files.writeString(
                dump,
                String.join(
                        "\n",
                        "-- a comment with INSERT INTO `t` VALUES (1);",
                        "CREATE TABLE `a``b` (`id` int);",
                        "INSERT INTO `a``b` VALUES (1,'x (y)'),(2,'it\\'s ); (3)'),(3,0x2829);",
                        "INSERT INTO `a``b` VALUES (4,NULL);",
                        "INSERT INTO `wide` (`id`, `hidden`) VALUES ('1','(a)'),",
                        "('2','b\\\\'),",
                        "('3','ü');",
                        "INSERT INTO `unlisted` VALUES (1);",
                        ""));

        assertThat(MariaDbDumpRows.count(dump, List.of("a`b", "wide", "empty")))
                .containsEntry("a`b", 4L)
                .containsEntry("wide", 3L)
                .containsEntry("empty", 0L)
                .containsEntry("unlisted", 1L);
    }
}
