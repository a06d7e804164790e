package dev.flowbase.backup;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which scheduled archives to keep: the {@code last} newest, and besides them the newest archive of
 * each UTC day for the {@code daily} days up to now (a grandfather-father-son rule with two
 * generations). Everything else the schedule wrote is deleted after each successful run.
 */
public record ArchiveRetention(int last, int daily) {
    /** Seven archives, no daily ones: a week of a daily schedule. */
    public static final ArchiveRetention DEFAULT = new ArchiveRetention(7, 0);

    private static final String EXPECTED =
            "expected last=N and/or daily=D (N from 1 to 10000, D from 0 to 3650), such as \"last=7, daily=30\"";

    public ArchiveRetention {
        if (last < 1 || last > 10_000 || daily < 0 || daily > 3_650) {
            throw new IllegalArgumentException("last must be 1..10000 and daily 0..3650");
        }
    }

    /** Parses {@code last=7, daily=30}; errors name {@code key}, the value and what is accepted. */
    public static ArchiveRetention parse(String key, String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        int last = DEFAULT.last();
        int daily = DEFAULT.daily();
        for (String part : text.split(",")) {
            String[] kv = part.strip().toLowerCase(Locale.ROOT).split("=", 2);
            Integer n = kv.length == 2 ? number(kv[1]) : null;
            if (n == null) {
                throw bad(key, text);
            }
            switch (kv[0].strip()) {
                case "last" -> last = n;
                case "daily" -> daily = n;
                default -> throw bad(key, text);
            }
        }
        try {
            return new ArchiveRetention(last, daily);
        } catch (IllegalArgumentException e) {
            throw bad(key, text);
        }
    }

    /** Of {@code archives} (any order), those this rule no longer keeps at {@code now}. */
    public List<ArchiveListing> expired(List<ArchiveListing> archives, Instant now) {
        List<ArchiveListing> newestFirst = new ArrayList<>(archives);
        newestFirst.sort(Comparator.comparing(ArchiveRetention::created).reversed());
        LocalDate firstDay = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(daily - 1L);
        Set<LocalDate> daysKept = new HashSet<>();
        List<ArchiveListing> expired = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            ArchiveListing a = newestFirst.get(i);
            LocalDate day = created(a).atZone(ZoneOffset.UTC).toLocalDate();
            boolean daysOwn = daily > 0 && !day.isBefore(firstDay) && daysKept.add(day);
            if (i >= last && !daysOwn) {
                expired.add(a);
            }
        }
        return expired;
    }

    @Override
    public String toString() {
        return "last=" + last + ", daily=" + daily;
    }

    /** The header's time when readable: a copied file's modification time says nothing. */
    private static Instant created(ArchiveListing a) {
        return a.header() != null ? a.header().createdAt() : a.modified();
    }

    private static Integer number(String s) {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static FlowbaseException bad(String key, String text) {
        return new FlowbaseException(ErrorCode.INVALID_ARGUMENT, key + " = \"" + text + "\": " + EXPECTED);
    }
}
