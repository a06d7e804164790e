package dev.flowbase.search;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ages as people type them everywhere here ({@code since:24h}, {@code logs=30d}, {@code --older-than 2w}). */
public final class Ages {
    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([mhdw])");

    private Ages() {}

    /** {@code 30m}, {@code 24h}, {@code 7d} or {@code 2w} as a duration; empty for any other text. */
    public static Optional<Duration> parse(String text) {
        Matcher m = AGE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(
                switch (m.group(2)) {
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(7 * n);
                });
    }
}
