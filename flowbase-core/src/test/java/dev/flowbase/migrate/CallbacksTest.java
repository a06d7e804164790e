package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.tables;
import static dev.flowbase.migrate.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** SQL callback files beside the migrations, and the listener, at each event. */
class CallbacksTest {
    @TempDir
    Path dir;

    private final List<String> heard = new ArrayList<>();

    private Migrator migrator(Database db) {
        return Migrator.configure()
                .database(db)
                .location(MigrationLocation.directory(dir))
                .table("test_history")
                .listener(new MigrationListener() {
                    @Override
                    public void on(MigrationEvent event, Connection connection, String script) {
                        heard.add(event.fileStem() + (script == null ? "" : " " + script));
                    }
                })
                .load();
    }

    /** Each callback file writes its event (and, for the each-events, the file's name) into a log. */
    private void loggingCallbacks(Database db, MigrationEvent... events) {
        TestSql.exec(db, "CREATE TABLE callback_log (n INTEGER, event VARCHAR(100))");
        for (MigrationEvent e : events) {
            write(
                    dir.resolve(e.fileStem() + ".sql"),
                    "INSERT INTO callback_log (n, event) SELECT COUNT(*), '" + e.fileStem() + "' FROM callback_log;\n");
        }
    }

    private static List<String> log(Database db) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = db.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT event FROM callback_log ORDER BY n")) {
            while (rs.next()) {
                events.add(rs.getString(1));
            }
        }
        return events;
    }

    private void twoMigrationsWithUndo() {
        write(dir.resolve("V1__one.sql"), "CREATE TABLE one (id INTEGER);\n");
        write(dir.resolve("U1__one.sql"), "DROP TABLE one;\n");
        write(dir.resolve("V2__two.sql"), "CREATE TABLE two (id INTEGER);\n");
        write(dir.resolve("U2__two.sql"), "DROP TABLE two;\n");
    }

    @EngineTest
    void everyMigrateAndRollbackEventRunsAtItsMomentAndTheListenerHearsItToo(Database db) throws Exception {
        loggingCallbacks(
                db,
                MigrationEvent.BEFORE_MIGRATE,
                MigrationEvent.BEFORE_EACH_MIGRATE,
                MigrationEvent.AFTER_EACH_MIGRATE,
                MigrationEvent.AFTER_MIGRATE,
                MigrationEvent.BEFORE_ROLLBACK,
                MigrationEvent.BEFORE_EACH_ROLLBACK,
                MigrationEvent.AFTER_EACH_ROLLBACK,
                MigrationEvent.AFTER_ROLLBACK,
                MigrationEvent.BEFORE_VALIDATE,
                MigrationEvent.AFTER_VALIDATE);
        twoMigrationsWithUndo();

        migrator(db).migrate();
        migrator(db).rollbackSteps(1, Run.APPLY);
        migrator(db).validate();

        List<String> expected = List.of(
                "beforeMigrate",
                "beforeEachMigrate",
                "afterEachMigrate",
                "beforeEachMigrate",
                "afterEachMigrate",
                "afterMigrate",
                "beforeRollback",
                "beforeEachRollback",
                "afterEachRollback",
                "afterRollback",
                "beforeValidate",
                "afterValidate");
        assertThat(log(db)).isEqualTo(expected);
        assertThat(heard)
                .containsExactly(
                        "beforeMigrate",
                        "beforeEachMigrate V1__one.sql",
                        "afterEachMigrate V1__one.sql",
                        "beforeEachMigrate V2__two.sql",
                        "afterEachMigrate V2__two.sql",
                        "afterMigrate",
                        "beforeRollback",
                        "beforeEachRollback U2__two.sql",
                        "afterEachRollback U2__two.sql",
                        "afterRollback",
                        "beforeValidate",
                        "afterValidate");
    }

    @EngineTest
    void aFailingBeforeEachMigrateRollsTheMigrationBackAndAfterMigrateErrorRuns(Database db) throws Exception {
        loggingCallbacks(db, MigrationEvent.AFTER_MIGRATE_ERROR, MigrationEvent.AFTER_MIGRATE);
        write(dir.resolve("beforeEachMigrate.sql"), "INSERT INTO no_such_table (id) VALUES (1);\n");
        twoMigrationsWithUndo();

        var failure =
                catchThrowableOfType(FlowbaseException.class, () -> migrator(db).migrate());

        assertThat(failure.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(failure.getMessage())
                .startsWith("Callback beforeEachMigrate.sql (" + dir + ") statement 1 (line 1)"
                        + " failed for V1__one.sql");
        assertThat(tables(db)).doesNotContain("one", "two");
        assertThat(log(db)).containsExactly("afterMigrateError");
        assertThat(migrator(db).status().entries())
                .filteredOn(e -> "1".equals(e.version()))
                .extracting(StatusEntry::state)
                .containsExactly("failed");
    }
}
