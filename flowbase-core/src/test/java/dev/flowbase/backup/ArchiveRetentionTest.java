package dev.flowbase.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbase.error.FlowbaseException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retention rule for scheduled archives, and the schedule's interval, as a user writes them. */
class ArchiveRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");

    @Test
    void theNewestNAndTheNewestOfEachRecentDayAreKept() {
        List<ArchiveListing> archives = new ArrayList<>();
        for (int hoursAgo = 0; hoursAgo < 24 * 5; hoursAgo += 6) { // four a day for five days
            archives.add(archive(NOW.minus(Duration.ofHours(hoursAgo))));
        }
        var rule = ArchiveRetention.parse("backup.retention", "last=2, daily=3");

        List<ArchiveListing> expired = rule.expired(archives, NOW);
        List<ArchiveListing> kept = new ArrayList<>(archives);
        kept.removeAll(expired);

        assertThat(kept)
                .extracting(a -> a.file().getFileName().toString())
                .containsExactlyInAnyOrder(
                        name(NOW), // newest: also today's
                        name(NOW.minus(Duration.ofHours(6))), // second newest
                        name(NOW.minus(Duration.ofHours(18))), // 2026-12-09's newest (18:00)
                        name(NOW.minus(Duration.ofHours(42)))); // 2026-12-08's newest (18:00)
    }

    @Test
    void badRulesAndIntervalsAreNamedWithWhatIsAccepted() {
        assertThat(ArchiveRetention.parse("backup.retention", null)).isEqualTo(ArchiveRetention.DEFAULT);
        assertThatThrownBy(() -> ArchiveRetention.parse("backup.retention", "keep=3"))
                .isInstanceOf(FlowbaseException.class)
                .hasMessageContaining("backup.retention = \"keep=3\"")
                .hasMessageContaining("last=N");
        assertThatThrownBy(() -> ArchiveRetention.parse("backup.retention", "last=0"))
                .hasMessageContaining("N from 1");
        assertThat(BackupSchedule.interval("backup.schedule", "6h")).isEqualTo(Duration.ofHours(6));
        assertThat(BackupSchedule.interval("backup.schedule", " 1D ")).isEqualTo(Duration.ofDays(1));
        assertThatThrownBy(() -> BackupSchedule.interval("backup.schedule", "1m"))
                .hasMessageContaining("backup.schedule = \"1m\"")
                .hasMessageContaining("at least 5 minutes");
        assertThatThrownBy(() -> BackupSchedule.interval("backup.schedule", "daily"))
                .hasMessageContaining("30m, 6h or 1d");
    }

    private static ArchiveListing archive(Instant created) {
        return new ArchiveListing(Path.of(name(created)), 1, created, null, null);
    }

    private static String name(Instant created) {
        return ScheduledBackups.PREFIX + created + Backups.SUFFIX;
    }
}
