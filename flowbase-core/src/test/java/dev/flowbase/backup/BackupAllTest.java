package dev.flowbase.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestEngines;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup create --all}: the user's own tables come along where every column's type maps to a
 * kind, and a restore creates them on any engine; a column whose type maps to none is named.
 */
class BackupAllTest {
    /**
     * A table a user keeps beside Flowbase's, in the types they would pick on each engine, with a column
     * whose name PostgreSQL reserves ({@code user}), so that every statement must quote it.
     */
    private static final Map<Engine, String> NOTES = Map.of(
            Engine.POSTGRESQL,
            "CREATE TABLE notes (id BIGINT PRIMARY KEY, ref UUID, title VARCHAR(200) NOT NULL, \"user\" TEXT,"
                    + " score DOUBLE PRECISION, done BOOLEAN NOT NULL, due TIMESTAMPTZ, doc JSONB)",
            Engine.MARIADB,
            "CREATE TABLE notes (id BIGINT PRIMARY KEY, ref UUID, title VARCHAR(200) NOT NULL, user TEXT,"
                    + " score DOUBLE, done BOOLEAN NOT NULL, due DATETIME(6), doc JSON)",
            Engine.SQLITE,
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, ref UUID, title VARCHAR(200) NOT NULL, user TEXT,"
                    + " score REAL, done BOOLEAN NOT NULL, due TIMESTAMP, doc JSON)");

    @TempDir
    Path dir;

    private static void addNotes(Database db) throws SQLException {
        try (Connection c = db.connection()) {
            try (Statement s = c.createStatement()) {
                s.execute(NOTES.get(db.engine()));
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, 1);
                db.dialect().setUuid(ps, 2, UUID.fromString("0190f0e0-0000-7000-8000-000000000001"));
                ps.setString(3, "first ✓ \"quoted\"");
                ps.setString(4, "a\nlonger body");
                ps.setDouble(5, 0.1 + 0.2);
                ps.setBoolean(6, true);
                db.dialect().setInstant(ps, 7, Instant.parse("2026-05-06T07:08:09.123Z"));
                db.dialect().setJson(ps, 8, "{\"b\": 1, \"a\": [true, null]}");
                ps.addBatch();
                ps.setLong(1, 2);
                db.dialect().setUuid(ps, 2, null);
                ps.setString(3, "second");
                ps.setString(4, null);
                ps.setNull(5, java.sql.Types.DOUBLE);
                ps.setBoolean(6, false);
                db.dialect().setInstant(ps, 7, null);
                db.dialect().setJson(ps, 8, null);
                ps.addBatch();
                ps.executeBatch();
            }
        }
    }

    @EngineTest
    void aUserTableOfCommonTypesComesAlongAndIsCreatedOnEveryEngine(Database source) throws SQLException {
        BackupFixtures.fill(source);
        addNotes(source);
        Manifest without = BackupFixtures.backup(source, dir.resolve("without.fbk"), BackupOptions.DEFAULT);
        Manifest with = BackupFixtures.backup(
                source, dir.resolve("all.fbk"), new BackupOptions(Compression.ZSTD, null, Set.of(), true));

        assertThat(without.tables()).extracting(Manifest.Table::name).doesNotContain("notes");
        Manifest.Table notes = with.tables().stream()
                .filter(t -> t.name().equals("notes"))
                .findFirst()
                .orElseThrow();
        assertThat(notes.rows()).isEqualTo(2);
        assertThat(notes.user().primaryKey()).containsExactly("id");
        assertThat(notes.user().notNull()).contains("title", "done");
        assertThat(notes.columns())
                .extracting(Column::kind)
                .containsExactly(
                        ColumnKind.INTEGER,
                        ColumnKind.UUID,
                        ColumnKind.TEXT,
                        ColumnKind.TEXT,
                        ColumnKind.DOUBLE,
                        ColumnKind.BOOLEAN,
                        ColumnKind.INSTANT,
                        ColumnKind.JSON);

        for (Engine engine : TestEngines.selected()) {
            try (TestDatabase target = TestDatabase.create(engine)) {
                Database db = target.open();
                RestoreReport report = Backups.restore(
                        dir.resolve("all.fbk"), db, new RestoreOptions(null, false, null), BackupProgress.NONE);

                assertThat(report.rows()).containsEntry("notes", 2L);
                Manifest again = BackupFixtures.backup(
                        db, dir.resolve(engine + ".fbk"), new BackupOptions(null, null, Set.of(), true));
                assertThat(BackupFixtures.hashes(again))
                        .as("per-table hashes after %s -> %s", source.engine(), engine)
                        .isEqualTo(BackupFixtures.hashes(with));
                try (Connection c = db.connection();
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT title FROM notes WHERE id = 1")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("first ✓ \"quoted\"");
                }
            }
        }
    }

    @EngineTest
    void aColumnWhoseTypeMapsToNoKindIsNamedWithWhatToDoInstead(Database db) throws SQLException {
        Migrator.configure().database(db).load().migrate();
        addNotes(db);
        try (Connection c = db.connection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE prices (id INTEGER PRIMARY KEY, amount NUMERIC(10, 2), label TEXT)");
        }
        Path file = dir.resolve("all.fbk");

        FlowbaseException e = catchThrowableOfType(
                FlowbaseException.class,
                () -> BackupFixtures.backup(db, file, new BackupOptions(null, null, Set.of(), true)));
        Manifest chosen = BackupFixtures.backup(
                db, dir.resolve("chosen.fbk"), new BackupOptions(null, null, Set.of("notes", "tasks"), true));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage())
                .contains("prices.amount (")
                .doesNotContain("prices.label")
                .doesNotContain("notes.")
                .contains("--tables")
                .contains("--native");
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("all.fbk.partial")).doesNotExist();
        assertThat(chosen.tables())
                .extracting(Manifest.Table::name)
                .contains("notes", "tasks")
                .doesNotContain("prices");
    }
}
