package dev.flowbase.search;

/**
 * Durations of one group (a task type, a workflow) in milliseconds: nearest-rank percentiles (the
 * smallest value at or above that share of the sorted values), the largest, and how many.
 */
public record Percentiles(String group, String label, long count, long p50, long p95, long p99, long max) {}
