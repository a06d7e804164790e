package dev.flowbase.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one operation, in nanoseconds, and their percentiles. */
final class Latencies {
    private final long[] samples;
    private int count;

    Latencies(int capacity) {
        samples = new long[capacity];
    }

    void add(long nanos) {
        samples[count++] = nanos;
    }

    int count() {
        return count;
    }

    /** Adds these samples to {@code other}. */
    void into(Latencies other) {
        for (int i = 0; i < count; i++) {
            other.add(samples[i]);
        }
    }

    double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(p / 100.0 * count) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    static String millis(double ms) {
        return String.format(Locale.ROOT, "%.3f ms", ms);
    }
}
