package dev.flowbase.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.util.UUID;

/** The machine's Redis on 6379, a key prefix per test, and every key under it deleted afterwards. */
public final class TestRedis {
    public static final String URL = "redis://127.0.0.1:6379/0";

    private TestRedis() {}

    public static String prefix() {
        return "flowbase-test:" + UUID.randomUUID() + ":";
    }

    public static void clean(String url, String prefix) {
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
