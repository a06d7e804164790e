package dev.flowbase.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

class SeederTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private static Map<String, Integer> rowCounts(Database db) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = db.connection();
                Statement s = c.createStatement()) {
            for (String table : Seeder.DATA_TABLES) {
                try (ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM " + db.dialect().quoteIdentifier(table))) {
                    rs.next();
                    counts.put(table, rs.getInt(1));
                }
            }
        }
        return counts;
    }

    @EngineTest
    void runningTheSeedsTwiceLeavesTheSameRows(Database db) throws SQLException {
        Migrator.configure().database(db).load().migrate();
        Seeder seeder = new Seeder(db, CLOCK);

        SeedReport first = seeder.run("development");
        Map<String, Integer> afterFirst = rowCounts(db);
        SeedReport second = seeder.run("development");

        assertThat(first.totalInserted()).isPositive();
        assertThat(second.totalInserted()).isZero();
        afterFirst.put("seed_runs", afterFirst.get("seed_runs") * 2); // each run is recorded
        assertThat(rowCounts(db)).isEqualTo(afterFirst);
    }

    @EngineTest
    void developmentGetsExampleAgentRolesAndAWorkflowDagOthersOnlyDefaults(Database db) throws SQLException {
        Migrator.configure().database(db).load().migrate();
        new Seeder(db, CLOCK).run("production");
        Map<String, Integer> production = rowCounts(db);
        Map<String, Integer> development;
        try (TestDatabase other = TestDatabase.create(db.engine())) {
            Database dev = other.open();
            Migrator.configure().database(dev).load().migrate();
            new Seeder(dev, CLOCK).run("development");
            development = rowCounts(dev);
        }

        var refused = catchThrowableOfType(FlowbaseException.class, () -> new Seeder(db, CLOCK).run("development"));

        assertThat(refused.code()).isEqualTo(ErrorCode.REFUSED);
        assertThat(rowCounts(db)).isEqualTo(production);

        assertThat(production).containsEntry("organizations", 1).containsEntry("agent_roles", 0);
        assertThat(production.get("configurations")).isGreaterThanOrEqualTo(5);
        assertThat(production.get("components")).isEqualTo(3);
        assertThat(development)
                .containsEntry("agent_roles", 3)
                .containsEntry("agent_role_versions", 3)
                .containsEntry("agent_role_dependencies", 2)
                .containsEntry("workflows", 1)
                .containsEntry("tasks", 3)
                .containsEntry("task_dependencies", 2);
    }

    @EngineTest
    void cleanRemovesEveryRowButIsRefusedInProduction(Database db) throws SQLException {
        Migrator.configure().database(db).load().migrate();
        Seeder seeder = new Seeder(db, CLOCK);
        seeder.run("development");

        assertThatThrownBy(() -> seeder.clean("production"))
                .isInstanceOfSatisfying(
                        FlowbaseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REFUSED));
        seeder.clean("development");

        assertThat(rowCounts(db).values()).containsOnly(0);
    }

    @EngineTest
    void theFirstAdminKeyIsReturnedOnceAndOnlyItsHashIsStored(Database db) throws SQLException {
        Migrator.configure().database(db).load().migrate();

        String key = AdminKeys.createIfNone(db).orElseThrow();

        assertThat(AdminKeys.createIfNone(db)).isEmpty();
        try (Connection c = db.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT key_hash, key_prefix, access_role FROM api_keys")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(AdminKeys.hash(key)).doesNotContain(key);
            assertThat(key).startsWith(rs.getString(2));
            assertThat(rs.getString(3)).isEqualTo("admin");
        }
    }
}
