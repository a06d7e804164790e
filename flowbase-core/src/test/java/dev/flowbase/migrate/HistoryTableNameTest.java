package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.io.TempDir;

/** The history table's name ({@code --table}) is an identifier, or two: {@code schema.table}. */
class HistoryTableNameTest {
    @TempDir
    Path dir;

    private Migrator migrator(Database db, String table) {
        return Migrator.configure()
                .database(db)
                .location(MigrationLocation.directory(dir))
                .table(table)
                .load();
    }

    @EngineTest
    void aNameThatIsNotAnIdentifierIsRefusedNamingWhatIsAccepted(Database db) throws Exception {
        copy("basic", dir);

        var e = catchThrowableOfType(
                FlowbaseException.class,
                () -> migrator(db, "x\"; drop table t1; --").migrate());

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage())
                .contains("history table")
                .contains("'x\"; drop table t1; --'")
                .contains("letters, digits and _");
        assertThat(Fixtures.tables(db)).isEmpty();
    }

    @EngineTest
    void schemaDotTableIsTheTableInThatSchema(Database db) throws Exception {
        copy("basic", dir);
        String schema = currentSchema(db);

        Migrator m = migrator(db, schema + ".adv_hist");
        m.migrate();

        assertThat(Fixtures.tables(db)).contains("adv_hist").doesNotContain(schema + ".adv_hist");
        assertThat(m.status().entries()).extracting(StatusEntry::state).containsOnly("success");
        assertThat(m.migrate().upToDate()).isTrue();
    }

    /** The schema unqualified names land in: public, the test's own database, or SQLite's main. */
    private static String currentSchema(Database db) throws Exception {
        try (Connection c = db.connection()) {
            return switch (db.engine()) {
                case POSTGRESQL -> c.getSchema();
                case MARIADB -> c.getCatalog();
                case SQLITE -> "main";
            };
        }
    }
}
