package dev.flowbase.seed;

import dev.flowbase.config.Environments;
import dev.flowbase.db.Database;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.Sha256;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Runs the seeds of an environment in one transaction, and records each run in {@code seed_runs}. */
public final class Seeder {
    static final List<Seed> SEEDS = List.of(new DefaultsSeed(), new DevelopmentExamplesSeed());

    /** Children before parents, so that no delete is refused by a foreign key. */
    static final List<String> DATA_TABLES = List.of(
            "task_executions",
            "task_dependencies",
            "tasks",
            "workflow_executions",
            "workflow_versions",
            "workflows",
            "agent_role_dependencies",
            "agent_role_versions",
            "agent_roles",
            "api_keys",
            "audit_log",
            "logs",
            "system_metrics",
            "configurations",
            "components",
            "seed_runs",
            "users",
            "organizations");

    private final Database database;
    private final Clock clock;

    public Seeder(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public SeedReport run(String environment) {
        Dialect dialect = database.dialect();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                boolean productionDatabase = InstalledEnvironment.productionDatabase(c, dialect);
                if (productionDatabase && !Environments.PRODUCTION.equals(environment)) {
                    throw new FlowbaseException(
                            ErrorCode.REFUSED,
                            "Seeding for " + environment + " is refused: the database was initialised for production,"
                                    + " and " + environment + " seeds add example rows; pass --environment production");
                }
                InstalledEnvironment.record(c, dialect, environment);
                List<SeedReport.Applied> applied = new ArrayList<>();
                for (Seed seed : SEEDS) {
                    if (!seed.appliesTo(environment)) {
                        continue;
                    }
                    SeedWriter writer = new SeedWriter(c, dialect);
                    seed.apply(writer);
                    record(c, seed, environment);
                    applied.add(new SeedReport.Applied(seed.name(), seed.revision(), writer.inserted()));
                }
                c.commit();
                return new SeedReport(environment, applied);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.statement(dialect, "Seeding " + environment, e);
        }
    }

    /**
     * Deletes every row of Flowbase's tables, keeping the schema and its migration history, so
     * that {@link #run} starts again from nothing. Refused in production.
     */
    public void clean(String environment) {
        InstalledEnvironment.refuseInProduction(database, environment, "seed clean (which deletes every row)");
        try (Connection c = database.connection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String table : DATA_TABLES) {
                s.executeUpdate("DELETE FROM " + database.dialect().quoteIdentifier(table));
            }
            c.commit();
        } catch (SQLException e) {
            throw SqlErrors.statement(database.dialect(), "Cleaning the seeded data", e);
        }
    }

    private void record(Connection c, Seed seed, String environment) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO seed_runs (id, name, environment, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, seed.name());
            ps.setString(3, environment);
            ps.setString(4, Sha256.hex(seed.name() + ":" + seed.revision()));
            database.dialect().setInstant(ps, 5, clock.instant());
            ps.executeUpdate();
        }
    }
}
