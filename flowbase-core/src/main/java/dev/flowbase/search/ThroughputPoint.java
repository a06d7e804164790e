package dev.flowbase.search;

import java.time.Instant;

/**
 * The attempts of one queue that ended in one time bucket: how many succeeded and how many failed
 * (failed or timed out), and the failed share of them.
 */
public record ThroughputPoint(String queue, Instant bucket, long succeeded, long failed, double failureRate) {}
