package dev.flowbase.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.backup.BackupRun;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What {@code /metrics} says of backups: counts by kind, trigger and outcome, durations, the last good one. */
class BackupMetersTest {
    @Test
    void backupsAreCountedTimedAndTheLastGoodOneIsShown() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        BackupMeters meters = new BackupMeters(registry);
        Instant started = Instant.parse("2026-12-07T02:00:00Z");

        meters.ended(BackupRun.succeeded("create", "scheduled", "a.fbk", started, 1500, 4096, 10));
        meters.ended(BackupRun.failed("create", "scheduled", "b.fbk", started.plusSeconds(60), 20, "disk full"));
        meters.ended(BackupRun.succeeded("restore", "cli", "a.fbk", started.plusSeconds(120), 900, 4096, 10));
        String text = registry.scrape();

        assertThat(text)
                .contains("flowbase_backups_total{kind=\"create\",outcome=\"succeeded\",trigger=\"scheduled\"} 1.0")
                .contains("flowbase_backups_total{kind=\"create\",outcome=\"failed\",trigger=\"scheduled\"} 1.0")
                .contains("flowbase_backups_total{kind=\"restore\",outcome=\"succeeded\",trigger=\"cli\"} 1.0")
                .contains("flowbase_backup_duration_seconds_count{kind=\"create\",outcome=\"succeeded\"} 1")
                .contains("flowbase_backup_duration_seconds_sum{kind=\"create\",outcome=\"succeeded\"} 1.5")
                .contains("flowbase_backup_last_bytes 4096.0")
                .contains("flowbase_backup_last_success_timestamp_seconds " + (double) started.getEpochSecond())
                .doesNotContain("disk full");
    }
}
