package dev.flowbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowbase.db.Database;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.util.Json;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The limits checked before the database are the schema's own, and refuse the same values everywhere. */
class LimitsTest {
    @EngineTest
    void everyDeclaredLimitIsTheLengthTheSchemaGivesItsColumn(Database db) throws SQLException {
        Migrator.configure().database(db).load().migrate();
        List<String> varchar = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        try (Connection c = db.connection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (Map.Entry<String, Integer> e : Limits.COLUMNS.entrySet()) {
                String[] tc = e.getKey().split("\\.");
                try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), tc[0], tc[1])) {
                    assertThat(rs.next()).as(e.getKey() + " exists").isTrue();
                    if (rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT).contains("varchar")) {
                        varchar.add(e.getKey());
                        if (rs.getInt("COLUMN_SIZE") != e.getValue()) {
                            wrong.add(e.getKey() + " is varchar(" + rs.getInt("COLUMN_SIZE") + "), declared "
                                    + e.getValue());
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        // An engine declares lengths on every limited column (PostgreSQL, MariaDB) or on none (SQLite's TEXT).
        assertThat(varchar.size()).isIn(0, Limits.COLUMNS.size());
    }

    @Test
    void aLongNameOrANulIsRefusedNamingTheFieldBeforeTheDatabase() {
        UUID org = UUID.randomUUID();
        var tooLong = assertThrows(InvalidFieldException.class, () -> NewTask.named(org, "x".repeat(5000)));
        var nul = assertThrows(InvalidFieldException.class, () -> NewTask.named(org, "a\u0000b"));
        var nulInJson = assertThrows(
                InvalidFieldException.class,
                () -> new TaskOutcome(Json.read("{\"pages\":[\"a\\u0000\"]}"), null, null, null));

        assertThat(tooLong.field()).isEqualTo("name");
        assertThat(tooLong.getMessage()).contains("5000 characters").contains("at most 255");
        assertThat(nul.field()).isEqualTo("name");
        assertThat(nulInJson.field()).isEqualTo("result.pages[0]");
        assertThat(NewTask.named(org, "x".repeat(255)).name()).hasSize(255);
    }
}
