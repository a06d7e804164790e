package dev.flowbase.search;

/**
 * What analytics needs that each engine writes its own way: the start of a row's time bucket,
 * as ISO-8601 text in UTC ({@code 2026-12-07T14:00:00Z}), so buckets group, sort and read back the
 * same on every engine. Percentiles need nothing per engine: window functions, which all three
 * have, rank the values in SQL (see {@link Analytics}).
 */
public interface AnalyticsSql {
    String bucketStart(String column, Bucket bucket);
}
