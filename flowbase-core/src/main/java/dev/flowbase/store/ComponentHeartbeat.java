package dev.flowbase.store;

import java.time.Instant;

/**
 * A component's name and last heartbeat: what {@code flowbase status} needs to say whether workers
 * are beating, read without the component's JSON columns (mapping those starts Jackson, the largest
 * share of the status command's own work: bench/RESULTS.md, start-up).
 */
public record ComponentHeartbeat(String name, Instant lastHeartbeatAt) {}
