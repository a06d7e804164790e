package dev.flowbase.schema;

import static dev.flowbase.testing.TestSql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.db.DatabaseException;
import dev.flowbase.db.SqlErrorKind;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.testing.EngineTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** What the core schema itself enforces, the same on every engine. */
class CoreSchemaBehaviourTest {
    private static final String ORG = "00000000-0000-4000-8000-000000000001";
    private static final String WORKFLOW = "00000000-0000-4000-8000-000000000002";
    private static final String TASK = "00000000-0000-4000-8000-000000000003";

    private static void migrateWithOneWorkflow(Database db) {
        Migrator.configure().database(db).load().migrate();
        exec(
                db,
                "INSERT INTO organizations (id, name, slug) VALUES ('" + ORG + "', 'Acme', 'acme')",
                "INSERT INTO workflows (id, organization_id, name) VALUES ('" + WORKFLOW + "', '" + ORG + "', 'wf')",
                "INSERT INTO tasks (id, organization_id, workflow_id, name) VALUES ('" + TASK + "', '" + ORG + "', '"
                        + WORKFLOW + "', 't')");
    }

    private static Instant updatedAt(Database db, String table, String id) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT updated_at FROM " + table + " WHERE id = ?")) {
            db.dialect().setUuid(ps, 1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return db.dialect().getInstant(rs, 1);
            }
        }
    }

    @EngineTest
    void anUpdateKeepsUpdatedAtCurrent(Database db) throws SQLException {
        migrateWithOneWorkflow(db);
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("UPDATE workflows SET updated_at = ? WHERE id = ?")) {
            db.dialect().setInstant(ps, 1, longAgo);
            db.dialect().setUuid(ps, 2, UUID.fromString(WORKFLOW));
            ps.executeUpdate();
        }
        assertThat(updatedAt(db, "workflows", WORKFLOW)).isEqualTo(longAgo);

        exec(db, "UPDATE workflows SET description = 'changed' WHERE id = '" + WORKFLOW + "'");

        assertThat(updatedAt(db, "workflows", WORKFLOW)).isAfter(longAgo.plusSeconds(86_400L * 365 * 20));
    }

    @EngineTest
    void aStatusOutsideItsSetIsRefused(Database db) {
        migrateWithOneWorkflow(db);

        DatabaseException e = catchThrowableOfType(
                DatabaseException.class,
                () -> exec(db, "UPDATE tasks SET status = 'sleeping' WHERE id = '" + TASK + "'"));

        assertThat(e.kind()).isEqualTo(SqlErrorKind.CHECK_VIOLATION);
    }

    @EngineTest
    void deletingAWorkflowDeletesItsTasks(Database db) throws SQLException {
        migrateWithOneWorkflow(db);

        exec(db, "DELETE FROM workflows WHERE id = '" + WORKFLOW + "'");

        try (Connection c = db.connection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM tasks")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @EngineTest
    void aTaskCannotDependOnItself(Database db) {
        migrateWithOneWorkflow(db);

        DatabaseException e = catchThrowableOfType(
                DatabaseException.class,
                () -> exec(
                        db,
                        "INSERT INTO task_dependencies (id, task_id, depends_on_task_id) VALUES"
                                + " ('00000000-0000-4000-8000-000000000009', '" + TASK + "', '" + TASK + "')"));

        assertThat(e.kind()).isEqualTo(SqlErrorKind.CHECK_VIOLATION);
    }
}
