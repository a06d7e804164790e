package dev.flowbase.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.backup.BackupListener;
import dev.flowbase.backup.BackupRun;
import dev.flowbase.backup.BackupSchedule;
import dev.flowbase.backup.ScheduledBackups;
import dev.flowbase.db.Database;
import dev.flowbase.store.Actor;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Backups view in a real browser: an installation admin sees the schedule with its last run
 * (succeeded, its size) and next run, the scheduled archive in the directory, and the run in the
 * history; a viewer sees that backups are for admins, and no file name.
 */
class BackupsPageTest {
    @TempDir
    Path dir;

    @EngineTest
    void anAdminSeesTheScheduleTheArchivesAndTheHistoryAndAViewerSeesNone(TestDatabase test, Database db) {
        String engine = test.engine().name().toLowerCase(Locale.ROOT);
        Map<String, String> env = Map.of(
                "FLOWBASE_BACKUP_SCHEDULE", "1d",
                "FLOWBASE_BACKUP_DIRECTORY", dir.toString(),
                "FLOWBASE_BACKUP_RETENTION", "last=3, daily=7");
        try (PageServer app = PageServer.with(test, db, env);
                Browser browser = new Browser(app.base)) {
            // The run a leader would make at its first tick, made here instead of waiting for the timer.
            BackupRun run = new ScheduledBackups(
                            db,
                            Stores.create(db).as(Actor.system("backup schedule")),
                            new BackupSchedule(Duration.ofDays(1), dir, null, null),
                            InstantSource.system(),
                            BackupListener.NONE)
                    .runIfDue()
                    .orElseThrow();
            String file = Path.of(run.file()).getFileName().toString();

            browser.open("/");
            browser.signIn(app.admin);
            browser.open("/backups");
            String schedule = browser.find("#schedule").getText();
            String lastRun = browser.find("#last-run").getText();
            String archives = browser.find("#archives-h ~ .scroll").getText();
            String runs = browser.find("#runs-h ~ .scroll").getText();
            browser.screenshot(engine + "-backups");

            assertThat(run.succeeded()).as(run.error()).isTrue();
            assertThat(schedule).contains("1d").contains("last=3, daily=7");
            assertThat(lastRun).contains("succeeded");
            assertThat(browser.find("#next-run").getText()).contains("UTC");
            assertThat(archives)
                    .contains(file)
                    .contains("scheduled")
                    .contains(test.engine().id());
            assertThat(runs)
                    .contains("create")
                    .contains("scheduled")
                    .contains("backup schedule")
                    .contains(file);
        }
        try (PageServer app = PageServer.with(test, db, env);
                Browser browser = new Browser(app.base)) {
            browser.open("/");
            browser.signIn(app.viewer);
            browser.open("/backups");

            assertThat(browser.find("#admin-only").getText()).contains("admin key");
            assertThat(browser.find("main").getText()).doesNotContain("scheduled-");
        }
    }
}
