package dev.flowbase.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings of what {@code serve} does on its own besides answering requests: alerts, log and
 * task retention, scheduled backups. Declared as {@link Settings} declares the rest, and listed
 * after them.
 */
public final class OperationsSettings {
    private static final List<Setting<?>> ALL = new ArrayList<>();

    public static final Setting<Integer> ALERT_POOL_PERCENT = declare(
            "alerts.pool_use_percent",
            null,
            Masking.NONE,
            Parser.integer(1, 100, "expected a percentage from 1 to 100"),
            80,
            "FLOWBASE_ALERT_POOL_PERCENT");
    public static final Setting<Integer> ALERT_DISK_PERCENT = declare(
            "alerts.disk_use_percent",
            null,
            Masking.NONE,
            Parser.integer(1, 100, "expected a percentage from 1 to 100"),
            90,
            "FLOWBASE_ALERT_DISK_PERCENT");
    public static final Setting<Integer> ALERT_DEAD_LETTERS = declare(
            "alerts.dead_letters",
            null,
            Masking.NONE,
            Parser.integer(1, Integer.MAX_VALUE, "expected how many dead tasks raise the alert, >= 1"),
            1,
            "FLOWBASE_ALERT_DEAD_LETTERS");
    public static final Setting<Integer> ALERT_QUEUE_LAG_SECONDS = declare(
            "alerts.queue_lag_seconds",
            null,
            Masking.NONE,
            Parser.integer(1, Integer.MAX_VALUE, "expected seconds, a whole number >= 1"),
            300,
            "FLOWBASE_ALERT_QUEUE_LAG_SECONDS");
    public static final Setting<Integer> ALERT_INTERVAL_MS = declare(
            "alerts.interval_ms",
            null,
            Masking.NONE,
            Parser.integer(100, 3_600_000, "expected milliseconds, a whole number from 100 to 3600000"),
            15_000,
            "FLOWBASE_ALERT_INTERVAL_MS");
    public static final Setting<String> ALERT_WEBHOOK_URL = declare(
            "alerts.webhook_url",
            null,
            Masking.SECRET,
            Parser.url("expected an http:// or https:// URL", "http://", "https://"),
            null,
            "FLOWBASE_ALERT_WEBHOOK_URL");
    public static final Setting<Integer> LOG_RETENTION_DAYS = declare(
            "log.retention_days",
            null,
            Masking.NONE,
            Parser.integer(0, 36_500, "expected days, a whole number >= 0 (0 keeps every line)"),
            30,
            "FLOWBASE_LOG_RETENTION_DAYS");
    /** Retention rules such as {@code logs=30d, tasks=30d, tasks.queue.mail=7d} (docs/search.md); none by default. */
    public static final Setting<String> RETENTION_POLICY =
            declare("retention.policy", null, Masking.NONE, Parser.text(), null, "FLOWBASE_RETENTION");

    public static final Setting<Integer> RETENTION_BATCH_SIZE = declare(
            "retention.batch_size",
            null,
            Masking.NONE,
            Parser.integer(1, 100_000, "expected rows per batch, a whole number from 1 to 100000"),
            1000,
            "FLOWBASE_RETENTION_BATCH_SIZE");
    /** How often {@code serve} writes a backup ({@code 30m}, {@code 6h}, {@code 1d}: docs/backup.md); none by default. */
    public static final Setting<String> BACKUP_SCHEDULE =
            declare("backup.schedule", null, Masking.NONE, Parser.text(), null, "FLOWBASE_BACKUP_SCHEDULE");

    public static final Setting<String> BACKUP_DIRECTORY =
            declare("backup.directory", null, Masking.NONE, Parser.path(), "backups", "FLOWBASE_BACKUP_DIRECTORY");

    /** Which scheduled archives to keep: {@code last=7, daily=30}. */
    public static final Setting<String> BACKUP_RETENTION =
            declare("backup.retention", null, Masking.NONE, Parser.text(), "last=7", "FLOWBASE_BACKUP_RETENTION");

    public static final Setting<String> BACKUP_COMPRESSION = declare(
            "backup.compression",
            null,
            Masking.NONE,
            Parser.oneOf("expected gzip, zstd or none", "gzip", "zstd", "none"),
            "gzip",
            "FLOWBASE_BACKUP_COMPRESSION");

    /** A file holding the key that encrypts scheduled archives (the key itself is never a setting); none: not encrypted. */
    public static final Setting<String> BACKUP_KEY_FILE =
            declare("backup.key_file", null, Masking.NONE, Parser.path(), null, "FLOWBASE_BACKUP_KEY_FILE");

    private OperationsSettings() {}

    private static <T> Setting<T> declare(
            String key, String flag, Masking masking, Parser<T> parser, T defaultValue, String... variables) {
        return Settings.declare(ALL, new Setting<>(key, flag, masking, parser, defaultValue, List.of(variables)));
    }

    static List<Setting<?>> declared() {
        return List.copyOf(ALL);
    }
}
