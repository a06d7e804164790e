package dev.flowbase.config;

import dev.flowbase.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the database settings into one {@link DatabaseConfig}. A URL supplies every part at once;
 * a separate setting ({@code DB_HOST}, {@code POSTGRES_DB}, …) replaces that part when it comes
 * from a source at least as high as the URL's, so a flag always wins over the environment.
 */
final class DatabaseResolver {
    private final SettingReader values;
    private DatabaseUrl url;
    private Source urlSource = Source.DEFAULT;

    DatabaseResolver(SettingReader values) {
        this.values = values;
    }

    DatabaseConfig resolve() {
        values.raw(Setting.DATABASE_URL).filter(v -> !v.raw().isBlank()).ifPresent(v -> {
            try {
                url = DatabaseUrl.parse(v.raw());
                urlSource = v.source();
            } catch (IllegalArgumentException e) {
                values.problem(v.problem(e.getMessage()));
            }
        });
        Engine engine = engine();
        String host = choose(Setting.DATABASE_HOST, u -> u.host(), values.text(Setting.DATABASE_HOST))
                .orElse("127.0.0.1");
        int port = choose(Setting.DATABASE_PORT, DatabaseUrl::port, values.port(Setting.DATABASE_PORT))
                .orElse(engine.defaultPort());
        String name = choose(Setting.DATABASE_NAME, DatabaseUrl::database, values.text(Setting.DATABASE_NAME))
                .orElse(engine.defaultDatabase());
        String user = choose(Setting.DATABASE_USER, DatabaseUrl::user, values.text(Setting.DATABASE_USER))
                .orElse(engine.isEmbedded() ? "" : System.getProperty("user.name", ""));
        Secret password = password();
        boolean ssl = choose(Setting.DATABASE_SSL, DatabaseUrl::ssl, values.bool(Setting.DATABASE_SSL))
                .orElse(false);
        boolean verify = choose(
                        Setting.DATABASE_SSL_REJECT_UNAUTHORIZED,
                        DatabaseUrl::sslVerify,
                        values.bool(Setting.DATABASE_SSL_REJECT_UNAUTHORIZED))
                .orElse(true);
        PoolSettings pool = pool();
        Duration statementTimeout = Duration.ofMillis(values.integer(
                        Setting.STATEMENT_TIMEOUT,
                        0,
                        Integer.MAX_VALUE,
                        "expected milliseconds, a whole number >= 0 (0 means no limit)")
                .orElse(30_000));
        boolean debug = values.bool(Setting.DEBUG).orElse(false);
        Map<String, String> options = url == null ? Map.of() : url.options();
        return new DatabaseConfig(
                engine, host, port, name, user, password, ssl, ssl && verify, pool, statementTimeout, debug, options);
    }

    private Engine engine() {
        Optional<Engine> fromSetting = values.text(Setting.DATABASE_ENGINE).flatMap(name -> {
            Optional<Engine> e = Engine.fromName(name);
            values.check(Setting.DATABASE_ENGINE, e.isPresent(), "expected postgresql, mariadb or sqlite");
            return e;
        });
        Optional<Engine> fromUrl = Optional.ofNullable(url).map(DatabaseUrl::engine);
        return choose(Setting.DATABASE_ENGINE, u -> Optional.of(u.engine()), fromSetting)
                .or(() -> fromUrl)
                // A host without an engine means the production default, PostgreSQL.
                .or(() -> values.text(Setting.DATABASE_HOST).map(h -> Engine.SERVER_DEFAULT))
                .orElse(Engine.EMBEDDED_DEFAULT);
    }

    private Secret password() {
        Optional<SettingValue> file =
                values.raw(Setting.DATABASE_PASSWORD_FILE).filter(v -> !v.raw().isBlank());
        Optional<Secret> fromFile = file.flatMap(v -> {
            try {
                return Optional.of(
                        new Secret(Files.readString(Path.of(v.raw().strip())).strip()));
            } catch (IOException | RuntimeException e) {
                values.problem(v.problem("expected a readable file holding the password"));
                return Optional.empty();
            }
        });
        Optional<Secret> direct = values.text(Setting.DATABASE_PASSWORD).map(Secret::new);
        Source directSource = sourceOf(Setting.DATABASE_PASSWORD);
        // The file replaces a password given at the same level or below: the usual secrets-mount pattern.
        boolean fileWins =
                fromFile.isPresent() && (direct.isEmpty() || file.get().source().atLeast(directSource));
        return fileWins
                ? choose(file.get().source(), DatabaseUrl::password, fromFile).orElse(Secret.NONE)
                : choose(directSource, DatabaseUrl::password, direct).orElse(Secret.NONE);
    }

    private PoolSettings pool() {
        int max = values.integer(Setting.POOL_MAX, 1, 10_000, "expected a whole number from 1 to 10000")
                .orElse(PoolSettings.DEFAULT_MAX);
        int min = values.integer(Setting.POOL_MIN, 0, 10_000, "expected a whole number from 0 to 10000")
                .orElse(Math.min(PoolSettings.DEFAULT_MIN, max));
        if (min > max) {
            values.problem(Setting.POOL_MIN, "expected at most the pool maximum (" + max + ")");
            min = max;
        }
        int idle = values.integer(
                        Setting.IDLE_TIMEOUT, 10_000, Integer.MAX_VALUE, "expected milliseconds, at least 10000")
                .orElse(30_000);
        int connect = values.integer(
                        Setting.CONNECTION_TIMEOUT, 250, Integer.MAX_VALUE, "expected milliseconds, at least 250")
                .orElse(10_000);
        return new PoolSettings(max, min, Duration.ofMillis(idle), Duration.ofMillis(connect));
    }

    private Source sourceOf(Setting setting) {
        return values.raw(setting).map(SettingValue::source).orElse(Source.DEFAULT);
    }

    private <T> Optional<T> choose(
            Setting setting, java.util.function.Function<DatabaseUrl, Optional<T>> urlPart, Optional<T> separate) {
        return choose(sourceOf(setting), urlPart, separate);
    }

    /** The URL's part unless the separate value comes from a source at least as high. */
    private <T> Optional<T> choose(
            Source separateSource,
            java.util.function.Function<DatabaseUrl, Optional<T>> urlPart,
            Optional<T> separate) {
        Optional<T> fromUrl = url == null ? Optional.empty() : urlPart.apply(url);
        if (separate.isPresent() && (fromUrl.isEmpty() || separateSource.atLeast(urlSource))) {
            return separate;
        }
        return fromUrl.or(() -> separate);
    }
}
