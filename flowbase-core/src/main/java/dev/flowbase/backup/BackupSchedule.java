package dev.flowbase.backup;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schedule of backups that {@code serve} runs: an archive every {@code every} into {@code
 * directory}, written with {@code options}, old ones pruned by {@code retention}.
 */
public record BackupSchedule(Duration every, Path directory, ArchiveRetention retention, BackupOptions options) {
    /** The shortest interval: a backup reads every table, and more often than this is a mistake. */
    public static final Duration SHORTEST = Duration.ofMinutes(5);

    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,6})\\s*(m|min|h|d)");
    private static final String EXPECTED =
            "expected an interval of at least 5 minutes such as 30m, 6h or 1d (minutes m, hours h, days d)";

    public BackupSchedule {
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(directory, "directory");
        retention = retention == null ? ArchiveRetention.DEFAULT : retention;
        options = options == null ? BackupOptions.DEFAULT : options;
        if (every.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("every must be at least " + SHORTEST);
        }
    }

    /** Parses {@code 30m}, {@code 6h}, {@code 1d}; errors name {@code key}, the value and what is accepted. */
    public static Duration interval(String key, String text) {
        Matcher m = INTERVAL.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw bad(key, text);
        }
        long n = Long.parseLong(m.group(1));
        Duration every = switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
        if (every.compareTo(SHORTEST) < 0) {
            throw bad(key, text);
        }
        return every;
    }

    /** The interval as a user writes it: {@code 1d}, {@code 6h}, {@code 90m}. */
    public String everyText() {
        long minutes = every.toMinutes();
        return minutes % 1440 == 0 ? minutes / 1440 + "d" : minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    /** When the next run is due after a scheduled run that started at {@code last} (null: never). */
    public Instant nextAfter(Instant last, Instant now) {
        return last == null ? now : last.plus(every);
    }

    private static FlowbaseException bad(String key, String text) {
        return new FlowbaseException(ErrorCode.INVALID_ARGUMENT, key + " = \"" + text + "\": " + EXPECTED);
    }
}
