package dev.flowbase.redis;

import dev.flowbase.config.Secret;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;

/** Whether the configured Redis answers, and which version it runs. */
public final class RedisCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private RedisCheck() {}

    public record Report(String target, String version, Duration roundTrip) {}

    /**
     * Connects, pings and reads the server version.
     *
     * @throws FlowbaseException naming the URL with its password masked when Redis does not answer
     */
    public static Report run(String url) {
        String shown = Secret.maskUrlCredentials(url);
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FlowbaseException(ErrorCode.INVALID_CONFIGURATION, "REDIS_URL " + shown + " is not a Redis URL");
        }
        uri.setTimeout(TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        try (var connection = client.connect()) {
            var commands = connection.sync();
            long start = System.nanoTime();
            commands.ping();
            Duration rtt = Duration.ofNanos(System.nanoTime() - start);
            String version = commands.info("server")
                    .lines()
                    .filter(l -> l.startsWith("redis_version:"))
                    .map(l -> l.substring("redis_version:".length()).strip())
                    .findFirst()
                    .orElse("unknown");
            return new Report(shown, version, rtt);
        } catch (RuntimeException e) {
            throw new FlowbaseException(
                    ErrorCode.CONNECTION_FAILED, "Redis at " + shown + " did not answer: " + firstLine(e), e);
        } finally {
            client.shutdown(Duration.ZERO, TIMEOUT);
        }
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        return m.lines().findFirst().orElse(m);
    }
}
