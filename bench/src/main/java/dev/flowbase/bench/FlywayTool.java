package dev.flowbase.bench;

import dev.flowbase.migrate.Grouping;
import java.nio.file.Path;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway 13 in-process with its defaults, as its documentation shows. With a data source factory
 * it connects through that instead (the statement count gives it one that goes through
 * {@link java.sql.DriverManager}, where the counting drivers sit).
 */
final class FlywayTool implements Tool {
    private final Function<BenchDatabase, DataSource> dataSource;
    private final boolean group;

    FlywayTool() {
        this(null, Grouping.SCRIPT_BY_SCRIPT);
    }

    FlywayTool(Function<BenchDatabase, DataSource> dataSource) {
        this(dataSource, Grouping.SCRIPT_BY_SCRIPT);
    }

    /** With {@link Grouping#ONE_TRANSACTION}, Flyway's {@code group=true}: all pending migrations in one transaction. */
    FlywayTool(Function<BenchDatabase, DataSource> dataSource, Grouping grouping) {
        this.dataSource = dataSource;
        this.group = grouping == Grouping.ONE_TRANSACTION;
    }

    @Override
    public String name() {
        return group ? "Flyway group" : "Flyway";
    }

    @Override
    public int migrate(BenchDatabase db, Path dir) {
        return flyway(db, dir).migrate().migrationsExecuted;
    }

    @Override
    public void validate(BenchDatabase db, Path dir) {
        flyway(db, dir).validate(); // throws when something does not match
    }

    private Flyway flyway(BenchDatabase db, Path dir) {
        FluentConfiguration c =
                Flyway.configure().locations("filesystem:" + dir).group(group);
        if (dataSource == null) {
            c.dataSource(db.plainUrl(), BenchDatabase.USER, "");
        } else {
            c.dataSource(dataSource.apply(db));
        }
        return c.load();
    }
}
