package dev.flowbase.config;

import dev.flowbase.engine.Engine;
import dev.flowbase.resilience.BreakerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
        values.raw(Settings.DATABASE_URL).filter(v -> !v.raw().isBlank()).ifPresent(v -> {
            try {
                url = DatabaseUrl.parse(v.raw());
                urlSource = v.source();
            } catch (IllegalArgumentException e) {
                values.problem(v.problem(e.getMessage()));
            }
        });
        Engine engine = engine();
        String host = chooseOrDefault(Settings.DATABASE_HOST, u -> u.host());
        // Defaults that depend on the engine (port, database, user) come from the engine itself.
        int port = choose(Settings.DATABASE_PORT, DatabaseUrl::port).orElse(engine.defaultPort());
        String name = choose(Settings.DATABASE_NAME, DatabaseUrl::database).orElse(engine.defaultDatabase());
        String user = choose(Settings.DATABASE_USER, DatabaseUrl::user)
                .orElse(engine.isEmbedded() ? "" : System.getProperty("user.name", ""));
        Secret password = password();
        boolean ssl = chooseOrDefault(Settings.DATABASE_SSL, DatabaseUrl::ssl);
        boolean verify = chooseOrDefault(Settings.DATABASE_SSL_REJECT_UNAUTHORIZED, DatabaseUrl::sslVerify);
        SslMode sslMode =
                choose(Settings.DATABASE_SSL_MODE, DatabaseUrl::sslMode).orElse(SslMode.of(ssl, verify));
        Optional<Path> sslCa = sslCa();
        PoolSettings pool = pool();
        Duration statementTimeout = Duration.ofMillis(values.value(Settings.STATEMENT_TIMEOUT));
        Duration slowQuery = Duration.ofMillis(values.value(Settings.SLOW_QUERY));
        boolean debug = values.value(Settings.DEBUG);
        Map<String, String> options = url == null ? Map.of() : url.options();
        return new DatabaseConfig(
                engine,
                host,
                port,
                name,
                user,
                password,
                sslMode,
                sslCa,
                pool,
                statementTimeout,
                slowQuery,
                debug,
                options,
                breaker(),
                moreHosts(engine),
                directUrl(engine),
                fallbackUrl());
    }

    /** {@code DB_FALLBACK_URL}: any engine, checked now so that a mistake is reported with the other settings. */
    private Secret fallbackUrl() {
        Optional<SettingValue> raw =
                values.raw(Settings.DATABASE_FALLBACK_URL).filter(v -> !v.raw().isBlank());
        if (raw.isEmpty()) {
            return Secret.NONE;
        }
        try {
            DatabaseUrl.parse(raw.get().raw());
            return new Secret(raw.get().raw());
        } catch (IllegalArgumentException e) {
            values.problem(raw.get().problem(e.getMessage()));
            return Secret.NONE;
        }
    }

    /** {@code DB_DIRECT_URL}: checked now, so that a mistake is reported with the other settings. */
    private Secret directUrl(Engine engine) {
        Optional<SettingValue> raw =
                values.raw(Settings.DATABASE_DIRECT_URL).filter(v -> !v.raw().isBlank());
        if (raw.isEmpty()) {
            return Secret.NONE;
        }
        try {
            DatabaseUrl direct = DatabaseUrl.parse(raw.get().raw());
            if (direct.engine() != engine) {
                values.problem(raw.get()
                        .problem("expected a URL of the same engine as database.url (" + engine.id() + "), not "
                                + direct.engine().id()));
                return Secret.NONE;
            }
            return new Secret(raw.get().raw());
        } catch (IllegalArgumentException e) {
            values.problem(raw.get().problem(e.getMessage()));
            return Secret.NONE;
        }
    }

    /** The hosts after the first of a multi-host URL: PostgreSQL's driver tries them in order. */
    private List<String> moreHosts(Engine engine) {
        List<String> more = url == null ? List.of() : url.moreHosts();
        if (!more.isEmpty() && !engine.takesSeveralHosts()) {
            values.problem(
                    Settings.DATABASE_URL,
                    "expected one host for " + engine.id() + ": several hosts (h1:p1,h2:p2) are for PostgreSQL,"
                            + " with targetServerType=primary");
            return List.of();
        }
        return more;
    }

    private BreakerSettings breaker() {
        return new BreakerSettings(
                values.value(Settings.BREAKER_FAILURE_RATE),
                values.value(Settings.BREAKER_WINDOW),
                Duration.ofMillis(values.value(Settings.BREAKER_OPEN_WAIT)),
                Duration.ofMillis(values.value(Settings.BREAKER_SLOW_CALL)));
    }

    private Engine engine() {
        Optional<Engine> fromSetting = values.get(Settings.DATABASE_ENGINE);
        Optional<Engine> fromUrl = Optional.ofNullable(url).map(DatabaseUrl::engine);
        return choose(sourceOf(Settings.DATABASE_ENGINE), u -> Optional.of(u.engine()), fromSetting)
                .or(() -> fromUrl)
                // A host without an engine means the production default, PostgreSQL.
                .or(() -> isSet(Settings.DATABASE_HOST) ? Optional.of(Engine.SERVER_DEFAULT) : Optional.empty())
                .orElse(Engine.EMBEDDED_DEFAULT);
    }

    private Secret password() {
        Optional<SettingValue> file =
                values.raw(Settings.DATABASE_PASSWORD_FILE).filter(v -> !v.raw().isBlank());
        Optional<Secret> fromFile = file.flatMap(v -> {
            try {
                return Optional.of(
                        new Secret(Files.readString(Path.of(v.raw().strip())).strip()));
            } catch (IOException | RuntimeException e) {
                values.problem(v.problem("expected a readable file holding the password"));
                return Optional.empty();
            }
        });
        Optional<Secret> direct = values.get(Settings.DATABASE_PASSWORD).map(Secret::new);
        Source directSource = sourceOf(Settings.DATABASE_PASSWORD);
        // The file replaces a password given at the same level or below: the usual secrets-mount pattern.
        boolean fileWins =
                fromFile.isPresent() && (direct.isEmpty() || file.get().source().atLeast(directSource));
        return fileWins
                ? choose(file.get().source(), DatabaseUrl::password, fromFile).orElse(Secret.NONE)
                : choose(directSource, DatabaseUrl::password, direct).orElse(Secret.NONE);
    }

    /** The CA file that signs the server's certificate, checked readable now rather than at the first connection. */
    private Optional<Path> sslCa() {
        Optional<String> file =
                choose(Settings.DATABASE_SSL_CA, DatabaseUrl::sslCa).filter(f -> !f.isBlank());
        if (file.isPresent() && !Files.isReadable(Path.of(file.get().strip()))) {
            boolean fromSetting = values.raw(Settings.DATABASE_SSL_CA)
                    .filter(v -> v.raw().strip().equals(file.get().strip()))
                    .isPresent();
            values.problem(
                    fromSetting ? Settings.DATABASE_SSL_CA : Settings.DATABASE_URL,
                    (fromSetting ? "expected" : "expected sslrootcert to name")
                            + " a readable PEM file of the CA certificate(s)");
            return Optional.empty();
        }
        return file.map(f -> Path.of(f.strip()));
    }

    private PoolSettings pool() {
        int max = values.value(Settings.POOL_MAX);
        int min = values.get(Settings.POOL_MIN)
                .orElse(Math.min(Settings.POOL_MIN.defaultValue().orElseThrow(), max));
        if (min > max) {
            values.problem(Settings.POOL_MIN, "expected at most the pool maximum (" + max + ")");
            min = max;
        }
        return new PoolSettings(
                max,
                min,
                Duration.ofMillis(values.value(Settings.IDLE_TIMEOUT)),
                Duration.ofMillis(values.value(Settings.CONNECTION_TIMEOUT)));
    }

    /** Whether a source other than the default sets {@code setting}. */
    private boolean isSet(Setting<?> setting) {
        return values.raw(setting)
                .filter(v ->
                        v.source().kind() != Source.Kind.DEFAULT && !v.raw().isBlank())
                .isPresent();
    }

    private Source sourceOf(Setting<?> setting) {
        return values.raw(setting).map(SettingValue::source).orElse(Source.DEFAULT);
    }

    /** The URL's part, or the separate setting (its default included) where that wins; see {@link #choose(Source, Function, Optional)}. */
    private <T> Optional<T> choose(Setting<T> setting, Function<DatabaseUrl, Optional<T>> urlPart) {
        return choose(sourceOf(setting), urlPart, values.get(setting));
    }

    /**
     * {@link #choose(Setting, Function)}, or the setting's default where neither gives a value: a
     * value that does not parse has already joined the problems, and the rest of the run goes on
     * so that every problem is reported at once.
     */
    private <T> T chooseOrDefault(Setting<T> setting, Function<DatabaseUrl, Optional<T>> urlPart) {
        return choose(setting, urlPart)
                .or(setting::defaultValue)
                .orElseThrow(() -> new IllegalStateException(setting + " has no default"));
    }

    /** The URL's part unless the separate value comes from a source at least as high. */
    private <T> Optional<T> choose(
            Source separateSource, Function<DatabaseUrl, Optional<T>> urlPart, Optional<T> separate) {
        Optional<T> fromUrl = url == null ? Optional.empty() : urlPart.apply(url);
        if (separate.isPresent() && (fromUrl.isEmpty() || separateSource.atLeast(urlSource))) {
            return separate;
        }
        return fromUrl.or(() -> separate);
    }
}
