package dev.flowbase.engines.sqlite;

import dev.flowbase.search.AnalyticsSql;
import dev.flowbase.search.Bucket;

/** Buckets with {@code strftime} on the ISO-8601 UTC text SQLite stores times as. */
final class SqliteAnalytics implements AnalyticsSql {
    @Override
    public String bucketStart(String column, Bucket bucket) {
        String format = switch (bucket) {
            case MINUTE -> "%Y-%m-%dT%H:%M:00Z";
            case HOUR -> "%Y-%m-%dT%H:00:00Z";
            case DAY -> "%Y-%m-%dT00:00:00Z";
        };
        return "strftime('" + format + "', " + column + ")";
    }
}
