package dev.flowbase.testing;

import dev.flowbase.redis.RedisKeys;
import java.util.UUID;

/** The machine's Redis on 6379, a key prefix per test, and every key under it deleted afterwards. */
public final class TestRedis {
    public static final String URL = "redis://127.0.0.1:6379/0";

    private TestRedis() {}

    public static String prefix() {
        return "flowbase-test:" + UUID.randomUUID() + ":";
    }

    public static void clean(String url, String prefix) {
        RedisKeys.deleteUnder(url, prefix);
    }
}
