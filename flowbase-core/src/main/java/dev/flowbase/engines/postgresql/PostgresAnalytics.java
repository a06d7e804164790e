package dev.flowbase.engines.postgresql;

import dev.flowbase.search.AnalyticsSql;
import dev.flowbase.search.Bucket;
import java.util.Locale;

/** Buckets with {@code date_trunc} in UTC, written as ISO-8601 text. */
final class PostgresAnalytics implements AnalyticsSql {
    @Override
    public String bucketStart(String column, Bucket bucket) {
        return "to_char(date_trunc('" + bucket.name().toLowerCase(Locale.ROOT) + "', " + column
                + " AT TIME ZONE 'UTC'), 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    }
}
