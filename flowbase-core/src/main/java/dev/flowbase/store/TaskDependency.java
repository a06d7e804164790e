package dev.flowbase.store;

import java.time.Instant;
import java.util.UUID;

/** An edge of a workflow's DAG: {@code taskId} waits for {@code dependsOnTaskId}. */
public record TaskDependency(UUID id, UUID taskId, UUID dependsOnTaskId, Instant createdAt) {}
