package dev.flowbase.migrate;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Settings of a {@link Migrator}, from {@link Migrator#configure()}; only the database is required. */
public final class MigratorBuilder {
    Database database;
    MigrationLocation location = MigrationLocation.classpath();
    String table = Migrator.DEFAULT_TABLE;
    Duration lockTimeout = Migrator.DEFAULT_LOCK_TIMEOUT;
    boolean outOfOrder;
    MigrationListener listener = MigrationListener.NONE;
    Placeholders placeholders = Placeholders.of(Map.of());
    final List<JavaMigration> javaMigrations = new ArrayList<>();

    MigratorBuilder() {}

    /** Migrations written in Java, ordered and recorded with the files; see {@link JavaMigration}. */
    public MigratorBuilder javaMigrations(JavaMigration... migrations) {
        javaMigrations.addAll(List.of(migrations));
        return this;
    }

    public MigratorBuilder database(Database value) {
        this.database = value;
        return this;
    }

    /** Flowbase's own scripts by default; a folder for a user's set. */
    public MigratorBuilder location(MigrationLocation value) {
        this.location = Objects.requireNonNull(value, "location");
        return this;
    }

    /** The history table: an identifier, or {@code schema.table}; anything else is refused here. */
    public MigratorBuilder table(String value) {
        this.table = TableName.parse(value).toString();
        return this;
    }

    /** How long to wait for another runner's lock; zero fails at once. */
    public MigratorBuilder lockTimeout(Duration value) {
        if (value.isNegative()) {
            throw new FlowbaseException(ErrorCode.INVALID_ARGUMENT, "The lock timeout must not be negative");
        }
        this.lockTimeout = value;
        return this;
    }

    /** Whether versions below the highest applied one may still be applied. */
    public MigratorBuilder outOfOrder(boolean value) {
        this.outOfOrder = value;
        return this;
    }

    /** Told about each script as {@code migrate} and {@code rollback} run; see {@link MigrationListener}. */
    public MigratorBuilder listener(MigrationListener value) {
        this.listener = Objects.requireNonNull(value, "listener");
        return this;
    }

    /** Values for {@code ${name}} in the scripts; see {@link Placeholders}. Built-in ones need none. */
    public MigratorBuilder placeholders(Map<String, String> values) {
        this.placeholders = Placeholders.of(values);
        return this;
    }

    public Migrator load() {
        return new Migrator(this);
    }
}
