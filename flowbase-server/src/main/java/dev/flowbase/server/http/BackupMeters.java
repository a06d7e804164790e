package dev.flowbase.server.http;

import dev.flowbase.backup.BackupListener;
import dev.flowbase.backup.BackupRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The backups and restores this server ran, on {@code /metrics}: counted by kind, trigger and
 * outcome, timed, and the size and time of the last good backup, so that an alert can fire on
 * {@code time() - flowbase_backup_last_success_timestamp_seconds}.
 */
public final class BackupMeters implements BackupListener {
    private final MeterRegistry registry;
    private final AtomicLong lastBytes = new AtomicLong();
    private final AtomicLong lastSuccess = new AtomicLong();

    BackupMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("flowbase_backup_last_bytes", lastBytes, AtomicLong::get)
                .description("Size of the last archive this server wrote successfully")
                .register(registry);
        Gauge.builder("flowbase_backup_last_success_timestamp_seconds", lastSuccess, AtomicLong::get)
                .description("When the last backup this server wrote successfully started (Unix seconds; 0: none yet)")
                .register(registry);
    }

    @Override
    public void ended(BackupRun run) {
        Counter.builder("flowbase_backups")
                .description("Backups and restores this server ran, by kind, trigger and outcome")
                .tag("kind", run.kind())
                .tag("trigger", run.trigger())
                .tag("outcome", run.outcome())
                .register(registry)
                .increment();
        Timer.builder("flowbase_backup_duration")
                .description("How long backups and restores took, by kind and outcome")
                .tag("kind", run.kind())
                .tag("outcome", run.outcome())
                .register(registry)
                .record(Duration.ofMillis(run.millis()));
        if (run.succeeded() && run.kind().equals("create")) {
            lastBytes.set(run.bytes());
            lastSuccess.set(run.startedAt().getEpochSecond());
        }
    }
}
