package dev.flowbase.setup;

import dev.flowbase.migrate.MigrateResult;
import dev.flowbase.redis.RedisCheck;
import dev.flowbase.schema.SchemaReport;
import dev.flowbase.seed.SeedReport;
import java.util.Optional;

/**
 * What {@code flowbase init} did. {@code adminKey} is present only on the run that created the
 * key: it is shown once and never stored.
 *
 * @param redis the check's result; empty when no Redis is configured or the check was skipped
 */
public record InitReport(
        String target,
        boolean databaseCreated,
        MigrateResult migrations,
        SeedReport seeds,
        SchemaReport schema,
        Optional<String> adminKey,
        Optional<RedisCheck.Report> redis,
        String redisStatus) {}
