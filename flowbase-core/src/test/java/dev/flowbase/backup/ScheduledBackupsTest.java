package dev.flowbase.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.store.Actor;
import dev.flowbase.store.AuditEntry;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedule {@code serve} runs, on each engine, with a settable clock: a backup when due and not
 * before, its run in the audit log (which a second server reads, so it does not back up again), the
 * status with the last and next run, and the retention rule deleting old scheduled archives only.
 */
class ScheduledBackupsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    @TempDir
    Path dir;

    @EngineTest
    void aDueBackupIsWrittenOnceAuditedAndOldOnesArePrunedByTheRetentionRule(Database db) throws Exception {
        BackupFixtures.fill(db);
        SettableClock clock = new SettableClock(T0);
        Stores stores = Stores.create(db).withClock(clock).as(Actor.system("backup schedule"));
        var schedule = new BackupSchedule(Duration.ofDays(1), dir, new ArchiveRetention(2, 0), BackupOptions.DEFAULT);
        List<BackupRun> heard = new ArrayList<>();
        ScheduledBackups server1 = new ScheduledBackups(db, stores, schedule, clock, heard::add);
        ScheduledBackups server2 = new ScheduledBackups(db, stores, schedule, clock, heard::add);
        Path manual = Files.writeString(dir.resolve("manual.fbk"), "a user's own file, not the schedule's");

        BackupRun first = server1.runIfDue().orElseThrow();
        assertThat(first.succeeded()).isTrue();
        assertThat(first.rows()).isPositive();
        assertThat(Path.of(first.file()))
                .exists()
                .hasFileName("scheduled-" + db.engine().id() + "-20261201-020000.fbk");
        assertThat(Backups.verify(Path.of(first.file()), null, BackupProgress.NONE)
                        .totalRows())
                .isEqualTo(first.rows());
        assertThat(server2.runIfDue())
                .as("the other server reads the audit log: not due")
                .isEmpty();
        clock.advance(Duration.ofHours(23));
        assertThat(server1.runIfDue()).as("not due before the interval").isEmpty();

        BackupStatus status = server2.status();
        assertThat(status.running()).isNull();
        assertThat(status.last().file()).isEqualTo(first.file());
        assertThat(status.last().actor()).isEqualTo("backup schedule");
        assertThat(status.nextAt()).isEqualTo(T0.plus(Duration.ofDays(1)));

        clock.advance(Duration.ofHours(1));
        BackupRun second = server2.runIfDue().orElseThrow();
        clock.advance(Duration.ofDays(1));
        BackupRun third = server1.runIfDue().orElseThrow();

        assertThat(Backups.list(dir))
                .extracting(a -> a.file().getFileName().toString())
                .containsExactlyInAnyOrder(
                        Path.of(third.file()).getFileName().toString(),
                        Path.of(second.file()).getFileName().toString(),
                        "manual.fbk");
        assertThat(manual).exists();
        assertThat(heard).extracting(BackupRun::outcome).containsExactly("succeeded", "succeeded", "succeeded");
        List<AuditEntry> audit = stores.audit()
                .forEntity(BackupRuns.ENTITY, null, PageRequest.first(10))
                .items();
        assertThat(audit)
                .extracting(AuditEntry::action)
                .containsOnly("backup.create")
                .hasSize(3);
        assertThat(audit.get(0).afterData().get("bytes").asLong()).isEqualTo(Files.size(Path.of(third.file())));
        assertThat(audit.get(0).actorLabel()).isEqualTo("backup schedule");
    }

    @EngineTest
    void aFailedBackupIsAuditedAsFailedAndLeavesNoArchive(Database db) throws Exception {
        BackupFixtures.fill(db);
        SettableClock clock = new SettableClock(T0);
        Stores stores = Stores.create(db).withClock(clock).as(Actor.system("backup schedule"));
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        var schedule = new BackupSchedule(Duration.ofHours(6), notADirectory, null, null);

        BackupRun run = new ScheduledBackups(db, stores, schedule, clock, BackupListener.NONE)
                .runIfDue()
                .orElseThrow();

        assertThat(run.outcome()).isEqualTo("failed");
        assertThat(run.error()).contains("file");
        assertThat(BackupRuns.recent(stores, 10)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("failed");
            assertThat(r.trigger()).isEqualTo("scheduled");
        });
    }
}
