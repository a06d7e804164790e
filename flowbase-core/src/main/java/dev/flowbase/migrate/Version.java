package dev.flowbase.migrate;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A dotted numeric version such as {@code 1.10}, compared part by part as numbers, so that
 * {@code 1.10} comes after {@code 1.9} and {@code 1.0} equals {@code 1}.
 */
public record Version(List<Long> parts) implements Comparable<Version> {
    /** Below every real version: {@code rollback --to 0} undoes everything. */
    public static final Version ZERO = new Version(List.of(0L));

    public Version {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a version has at least one part");
        }
    }

    /** Parses {@code 1}, {@code 1.2}, {@code 2024.01.15}; underscores are accepted as dots, as in file names. */
    public static Version parse(String text) {
        String t = text.strip().replace('_', '.');
        if (!t.matches("\\d{1,18}(\\.\\d{1,18})*")) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "'" + text + "' is not a version: use dotted numbers such as 3 or 1.10");
        }
        return new Version(Arrays.stream(t.split("\\.")).map(Long::valueOf).toList());
    }

    @Override
    public int compareTo(Version other) {
        int n = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            int c = Long.compare(part(i), other.part(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private long part(int i) {
        return i < parts.size() ? parts.get(i) : 0L;
    }

    /** Equal versions compare equal even when written differently ({@code 1.0} and {@code 1}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int last = parts.size();
        while (last > 1 && parts.get(last - 1) == 0L) {
            last--;
        }
        return parts.subList(0, last).hashCode();
    }

    @Override
    public String toString() {
        return parts.stream().map(String::valueOf).collect(Collectors.joining("."));
    }
}
