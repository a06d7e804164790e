package dev.flowbase.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.time.Duration;

/** Keys in a Redis by their prefix: how a test, a benchmark or a reset removes what Flowbase wrote. */
public final class RedisKeys {
    private RedisKeys() {}

    /** Deletes every key that starts with {@code prefix}, a page of 500 at a time; returns how many. */
    public static long deleteUnder(String url, String prefix) {
        RedisClient client = RedisClient.create(url);
        long deleted = 0;
        try (var c = client.connect()) {
            var redis = c.sync();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                var page = redis.scan(
                        cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    deleted += redis.del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(3));
        }
        return deleted;
    }
}
