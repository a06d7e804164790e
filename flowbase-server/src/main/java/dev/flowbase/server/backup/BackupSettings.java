package dev.flowbase.server.backup;

import dev.flowbase.backup.ArchiveRetention;
import dev.flowbase.backup.BackupKey;
import dev.flowbase.backup.BackupOptions;
import dev.flowbase.backup.BackupSchedule;
import dev.flowbase.backup.Compression;
import dev.flowbase.config.ConfigEntry;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.OperationsSettings;
import dev.flowbase.config.Setting;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The schedule of backups as the configuration resolved it, or none when {@code backup.schedule}
 * is unset. Each value is checked when the server starts, with errors naming the setting.
 */
public final class BackupSettings {
    private BackupSettings() {}

    public static Optional<BackupSchedule> from(FlowbaseConfig config) {
        String every = value(config, OperationsSettings.BACKUP_SCHEDULE);
        if (every == null || every.isBlank()) {
            return Optional.empty();
        }
        String keyFile = value(config, OperationsSettings.BACKUP_KEY_FILE);
        BackupKey key = keyFile == null || keyFile.isBlank() ? null : BackupKey.fromFile(Path.of(keyFile.strip()));
        return Optional.of(new BackupSchedule(
                BackupSchedule.interval(OperationsSettings.BACKUP_SCHEDULE.key(), every),
                directory(config),
                ArchiveRetention.parse(
                        OperationsSettings.BACKUP_RETENTION.key(), value(config, OperationsSettings.BACKUP_RETENTION)),
                new BackupOptions(
                        Compression.parse(
                                OperationsSettings.BACKUP_COMPRESSION.key(),
                                value(config, OperationsSettings.BACKUP_COMPRESSION)),
                        key)));
    }

    /** Where scheduled archives go, and where {@code backup list} looks by default. */
    public static Path directory(FlowbaseConfig config) {
        String dir = value(config, OperationsSettings.BACKUP_DIRECTORY);
        return Path.of(dir == null || dir.isBlank() ? "backups" : dir.strip());
    }

    private static String value(FlowbaseConfig config, Setting<?> setting) {
        return config.entries().stream()
                .filter(e -> e.key().equals(setting.key()))
                .map(ConfigEntry::shownValue)
                .findFirst()
                .orElse(null);
    }
}
