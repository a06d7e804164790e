package dev.flowbase.engines.mariadb;

import dev.flowbase.search.AnalyticsSql;
import dev.flowbase.search.Bucket;

/** Buckets by formatting the UTC DATETIME down to the bucket's start. */
final class MariaDbAnalytics implements AnalyticsSql {
    @Override
    public String bucketStart(String column, Bucket bucket) {
        String format = switch (bucket) {
            case MINUTE -> "%Y-%m-%dT%H:%i:00Z";
            case HOUR -> "%Y-%m-%dT%H:00:00Z";
            case DAY -> "%Y-%m-%dT00:00:00Z";
        };
        return "DATE_FORMAT(" + column + ", '" + format + "')";
    }
}
