package dev.flowbase.search;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The values the query language's filters accept, each refused with the token and what would do. */
final class FilterValues {
    private static final List<String> LEVELS = List.of("debug", "info", "warn", "error", "fatal");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private FilterValues() {}

    static Set<Kind> kinds(String value, String token, int at) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String name : value.split(",", -1)) {
            Kind kind = null;
            for (Kind k : Kind.values()) {
                if (k.typed().equals(name.toLowerCase(Locale.ROOT))) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw QueryParser.bad(
                        token, at, "kind: takes log, task, execution, workflow or audit (comma-separated)");
            }
            kinds.add(kind);
        }
        return kinds;
    }

    static String level(String value, String token, int at) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(lower)) {
            throw QueryParser.bad(token, at, "level: takes " + String.join(", ", LEVELS));
        }
        return lower;
    }

    static String name(String value, String token, int at) {
        if (!NAME.matcher(value).matches()) {
            throw QueryParser.bad(token, at, "a name of letters, digits, _ . -");
        }
        return value;
    }

    static UUID uuid(String value, String token, int at) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw QueryParser.bad(token, at, "an id such as 0190c0de-8f1e-7000-8000-000000000001");
        }
    }

    /** {@code 30m}, {@code 24h}, {@code 7d}, {@code 2w} ago; a date (UTC midnight); or an ISO-8601 instant. */
    static Instant instant(String value, String token, int at, InstantSource clock) {
        Optional<Duration> ago = Ages.parse(value);
        if (ago.isPresent()) {
            return clock.instant().minus(ago.get());
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw QueryParser.bad(
                    token,
                    at,
                    "a time ago such as 30m, 24h, 7d, 2w, a date such as 2026-12-01, "
                            + "or an instant such as 2026-12-01T08:00:00Z");
        }
    }
}
