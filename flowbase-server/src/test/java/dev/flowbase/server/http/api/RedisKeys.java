package dev.flowbase.server.http.api;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;

/** Deletes every key under a test's prefix in the shared Redis. */
final class RedisKeys {
    private RedisKeys() {}

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
