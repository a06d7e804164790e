package dev.flowbase.store;

import java.time.Instant;
import java.util.UUID;

/** One application of a seed in an environment; the latest per (name, environment) is the current state. */
public record SeedRun(UUID id, String name, String environment, String checksum, Instant appliedAt) {}
