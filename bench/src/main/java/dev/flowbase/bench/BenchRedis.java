package dev.flowbase.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;

/** Deletes what a benchmark wrote under its key prefix. */
final class BenchRedis {
    private BenchRedis() {}

    static void clean(String url, String prefix) {
        RedisClient client = RedisClient.create(url);
        try (var c = client.connect()) {
            var redis = c.sync();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                var page = redis.scan(
                        cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    redis.del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
    }
}
