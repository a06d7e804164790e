package dev.flowbase.setup;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;
import dev.flowbase.db.DatabaseException;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.Dialects;
import dev.flowbase.db.SqlErrorKind;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.MigrateResult;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.Run;
import dev.flowbase.migrate.Version;
import dev.flowbase.redis.RedisCheck;
import dev.flowbase.schema.SchemaDifference;
import dev.flowbase.schema.SchemaReport;
import dev.flowbase.schema.SchemaValidator;
import dev.flowbase.seed.AdminKeys;
import dev.flowbase.seed.InstalledEnvironment;
import dev.flowbase.seed.SeedReport;
import dev.flowbase.seed.Seeder;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code init} and {@code reset}: everything between an empty server and a validated, seeded
 * Flowbase database, each step idempotent so that running init again changes nothing.
 */
public final class Setup {
    private final FlowbaseConfig config;
    private final Clock clock;
    private final Consumer<String> progress;
    private Consumer<String> adminKeyCreated = key -> {};

    public Setup(FlowbaseConfig config, Clock clock, Consumer<String> progress) {
        this.config = config;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Hears the first admin key the moment it is stored, before the steps after it run: a later
     * failure (Redis unreachable, a schema difference) must not take the only copy of it along.
     */
    public Setup onAdminKeyCreated(Consumer<String> listener) {
        this.adminKeyCreated = listener;
        return this;
    }

    /** Whether {@code init} asks a configured Redis to answer ({@code --skip-redis} skips it). */
    public enum Redis {
        CHECK,
        SKIP
    }

    /** Whether the user confirmed that {@code reset} may delete every Flowbase table ({@code --confirm}). */
    public enum Confirmation {
        CONFIRMED,
        NOT_CONFIRMED
    }

    public InitReport init(Redis redisCheck) {
        Opened opened = openCreatingIfMissing();
        boolean created = opened.created();
        try (Database db = opened.database()) {
            MigrateResult migrated = Migrator.configure().database(db).load().migrate();
            progress.accept(
                    migrated.upToDate()
                            ? "Migrations: up to date"
                            : "Migrations: applied " + migrated.executed().size());
            SeedReport seeds = new Seeder(db, clock).run(config.environment());
            progress.accept("Seeds (" + config.environment() + "): " + seeds.totalInserted() + " row(s) added");
            Optional<String> adminKey = AdminKeys.createIfNone(db);
            adminKey.ifPresent(adminKeyCreated);
            SchemaReport schema = SchemaValidator.flowbase().validate(db);
            if (!schema.matches()) {
                throw new FlowbaseException(
                        ErrorCode.VALIDATION_FAILED,
                        "The schema differs from its migrations after init:\n  "
                                + String.join(
                                        "\n  ",
                                        schema.differences().stream()
                                                .map(SchemaDifference::describe)
                                                .toList())
                                + "\nFix the database by hand, or run 'flowbase reset --confirm' on a database you can empty");
            }
            progress.accept("Schema: matches version " + schema.version());
            Optional<RedisCheck.Report> redis = Optional.empty();
            String redisStatus = "not configured";
            if (config.redisUrl().isPresent()) {
                if (redisCheck == Redis.SKIP) {
                    redisStatus = "skipped";
                } else {
                    redis = Optional.of(checkRedis(config.redisUrl().get()));
                    redisStatus = "answers (" + redis.get().version() + ")";
                }
            }
            progress.accept("Redis: " + redisStatus);
            return new InitReport(
                    config.database().describeTarget(), created, migrated, seeds, schema, adminKey, redis, redisStatus);
        }
    }

    /** Undoes every Flowbase migration, drops the history, and runs {@link #init} again. */
    public InitReport reset(Confirmation confirmation, Redis redisCheck) {
        if (config.isProduction()) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED, "reset deletes every Flowbase table and is refused in production");
        }
        try (Database db = Database.open(config.database())) {
            InstalledEnvironment.refuseInProduction(db, config.environment(), "reset");
            if (confirmation != Confirmation.CONFIRMED) {
                throw new FlowbaseException(
                        ErrorCode.REFUSED,
                        "reset deletes every Flowbase table and its rows in "
                                + config.database().describeTarget() + "; run it again with --confirm");
            }
            var undone = Migrator.configure().database(db).load().rollbackTo(Version.ZERO, Run.APPLY);
            progress.accept("Reset: undid " + undone.undone().size() + " migration(s)");
            db.execute(
                    "Resetting the database",
                    "DROP TABLE IF EXISTS " + db.dialect().quoteIdentifier(Migrator.DEFAULT_TABLE));
        }
        return init(redisCheck);
    }

    private static RedisCheck.Report checkRedis(String url) {
        try {
            return RedisCheck.run(url);
        } catch (NoClassDefFoundError e) {
            // Lettuce is optional for library users; the server brings it.
            throw new FlowbaseException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "REDIS_URL is set but io.lettuce:lettuce-core is not on the class path: add it, unset"
                            + " REDIS_URL, or run init with --skip-redis");
        } catch (FlowbaseException e) {
            throw new FlowbaseException(
                    e.code(), e.getMessage() + "; start it, or run init with --skip-redis to go on without it", e);
        }
    }

    private record Opened(Database database, boolean created) {}

    /** Opens the configured database, first creating it when it is missing and the engine allows. */
    private Opened openCreatingIfMissing() {
        DatabaseConfig target = config.database();
        Dialect dialect = Dialects.forEngine(target.engine());
        // An embedded database is a file that opening creates; only its absence says whether it is new.
        boolean newFile = dialect.storageMissing(target);
        try {
            Database db = Database.open(target);
            progress.accept("Database: " + target.describeTarget() + (newFile ? " created" : " exists"));
            return new Opened(db, newFile);
        } catch (DatabaseException e) {
            if (e.kind() != SqlErrorKind.UNKNOWN_DATABASE
                    || !dialect.capabilities().createDatabase()) {
                throw e;
            }
        }
        DatabaseConfig server = target.withDatabase(dialect.maintenanceDatabase())
                .withPool(PoolSettings.defaults().withMaxSize(1));
        try (Database admin = Database.open(server)) {
            admin.execute("Creating the database", dialect.createDatabaseSql(target.database()));
        }
        progress.accept("Database: created " + target.describeTarget());
        return new Opened(Database.open(target), true);
    }
}
