package dev.flowbase.schema;

import static dev.flowbase.testing.TestSql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.testing.EngineTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** {@code schema validate} on the core schema: no drift after migrating, and hand-made drift named exactly. */
class SchemaValidatorTest {

    @EngineTest
    void aFreshlyMigratedDatabaseMatchesItsMigrations(Database db) {
        Migrator.configure().database(db).load().migrate();

        SchemaReport report = SchemaValidator.flowbase().validate(db);

        assertThat(report.differences()).isEmpty();
        assertThat(report.version()).isEqualTo("7");
    }

    @EngineTest
    void handMadeDriftIsReportedExactly(Database db) throws SQLException {
        Migrator.configure().database(db).load().migrate();
        Drift drift = Drift.forEngine(db.engine());
        exec(db, drift.dropIndex(), "CREATE TABLE zz_stray (x INT)");
        drift.widenWorkflowName(db);
        drift.dropParentWorkflowForeignKey(db);

        SchemaReport report = SchemaValidator.flowbase().validate(db);

        assertThat(report.differences())
                .extracting(SchemaDifference::describe)
                .containsExactly(
                        "logs: missing index idx_logs_level_created_at (level, created_at)",
                        "workflows: changed column name type " + drift.nameType() + " -> varchar(500)",
                        "workflows: missing foreign key (parent_workflow_id) -> workflows (id) on delete set null",
                        "zz_stray: extra table (not made by any migration)");
    }

    /** How a person would change each engine's schema by hand. */
    private record Drift(Engine engine, String dropIndex, String nameType) {
        static Drift forEngine(Engine engine) {
            return switch (engine) {
                case POSTGRESQL -> new Drift(engine, "DROP INDEX idx_logs_level_created_at", "varchar(255)");
                case MARIADB -> new Drift(engine, "DROP INDEX idx_logs_level_created_at ON logs", "varchar(255)");
                case SQLITE -> new Drift(engine, "DROP INDEX idx_logs_level_created_at", "text");
            };
        }

        void widenWorkflowName(Database db) throws SQLException {
            switch (engine) {
                case POSTGRESQL -> exec(db, "ALTER TABLE workflows ALTER COLUMN name TYPE varchar(500)");
                case MARIADB -> exec(db, "ALTER TABLE workflows MODIFY name VARCHAR(500) NOT NULL");
                // SQLite cannot alter a column; its documented escape hatch edits the stored CREATE TABLE.
                case SQLITE ->
                    rewriteSqliteTable(
                            db, "workflows", "name                  TEXT    NOT NULL", "name VARCHAR(500) NOT NULL");
            }
        }

        void dropParentWorkflowForeignKey(Database db) throws SQLException {
            switch (engine) {
                case POSTGRESQL -> exec(db, "ALTER TABLE workflows DROP CONSTRAINT fk_workflows_parent_workflow");
                case MARIADB -> exec(db, "ALTER TABLE workflows DROP FOREIGN KEY fk_workflows_parent_workflow");
                case SQLITE ->
                    rewriteSqliteTable(
                            db,
                            "workflows",
                            "    CONSTRAINT fk_workflows_parent_workflow FOREIGN KEY (parent_workflow_id)\n"
                                    + "        REFERENCES workflows (id) ON DELETE SET NULL,\n",
                            "");
            }
        }

        private static void rewriteSqliteTable(Database db, String table, String from, String to) throws SQLException {
            try (Connection c = db.connection();
                    Statement s = c.createStatement()) {
                String sql;
                try (PreparedStatement read = c.prepareStatement("SELECT sql FROM sqlite_schema WHERE name = ?")) {
                    read.setString(1, table);
                    try (ResultSet rs = read.executeQuery()) {
                        rs.next();
                        sql = rs.getString(1);
                    }
                }
                assertThat(sql).contains(from);
                int version;
                try (ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
                    rs.next();
                    version = rs.getInt(1);
                }
                s.execute("PRAGMA writable_schema = ON");
                try (PreparedStatement write = c.prepareStatement("UPDATE sqlite_schema SET sql = ? WHERE name = ?")) {
                    write.setString(1, sql.replace(from, to));
                    write.setString(2, table);
                    write.executeUpdate();
                }
                s.execute("PRAGMA schema_version = " + (version + 1));
                s.execute("PRAGMA writable_schema = OFF");
            }
        }
    }
}
