package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The listener hears the total first, then exactly one call per script, in the order they ran. */
class MigrationListenerTest {
    @TempDir
    Path dir;

    @EngineTest
    void migrateAndRollbackReportTheTotalThenEachScriptOnce(Database db) {
        Recorder heard = new Recorder();
        Migrator m = Migrator.configure()
                .database(db)
                .location(MigrationLocation.directory(copy("basic", dir)))
                .table("test_history")
                .listener(heard)
                .load();

        MigrateResult up = m.migrate();
        assertThat(heard.events).containsExactly("start 4", "V1", "V1.9", "V1.10", "V2");
        assertThat(heard.scripts).isEqualTo(up.executed());

        heard.clear();
        m.migrate();
        assertThat(heard.events).containsExactly("start 0");

        heard.clear();
        RollbackResult down = m.rollbackSteps(2, Run.APPLY);
        assertThat(heard.events).containsExactly("start 2", "U2", "U1.10");
        assertThat(heard.scripts).isEqualTo(down.undone());
    }

    @EngineTest
    void aDryRunRunsNothingAndSoTellsTheListenerNothing(Database db) {
        Recorder heard = new Recorder();
        Migrator m = Migrator.configure()
                .database(db)
                .location(MigrationLocation.directory(copy("basic", dir)))
                .table("test_history")
                .listener(heard)
                .load();

        m.migrate(MigrateRequest.all().with(Run.DRY_RUN));

        assertThat(heard.events).isEmpty();
    }

    private static final class Recorder implements MigrationListener {
        final List<String> events = new ArrayList<>();
        final List<ExecutedScript> scripts = new ArrayList<>();

        @Override
        public void onStart(int total) {
            events.add("start " + total);
        }

        @Override
        public void onScript(ExecutedScript script) {
            events.add(script.type() == MigrationType.UNDO ? "U" + script.version() : "V" + script.version());
            scripts.add(script);
        }

        void clear() {
            events.clear();
            scripts.clear();
        }
    }
}
