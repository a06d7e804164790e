package dev.flowbase.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbase.backup.BackupOptions;
import dev.flowbase.backup.BackupProgress;
import dev.flowbase.backup.Manifest;
import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.Actor;
import dev.flowbase.store.AuditEntry;
import dev.flowbase.store.Origin;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowbase org delete}: nothing personal of the organization is left, and the other one is as it was. */
class OrganizationErasureTest {
    @TempDir
    Path dir;

    @EngineTest
    void erasureLeavesNoPersonalDataAndTheOtherOrganizationUntouched(Database db) throws Exception {
        Migrator.configure().database(db).load().migrate();
        GdprFixture acme = GdprFixture.fill(db, "acme");
        GdprFixture other = GdprFixture.fill(db, "other");
        Stores stores = Stores.create(db);
        Map<String, String> otherBefore = hashes(stores, other, dir.resolve("before.fbk"));

        // The scan below sees the organization's personal data where it was, column by column.
        assertThat(personal(db, acme).stream().map(f -> f.substring(0, f.indexOf(' '))))
                .contains(
                        "users.email",
                        "users.name",
                        "tasks.description",
                        "tasks.parameters",
                        "tasks.result",
                        "task_executions.worker",
                        "workflows.description",
                        "workflow_executions.input",
                        "agent_roles.system_prompt",
                        "agent_role_versions.change_note",
                        "configurations.value",
                        "logs.message",
                        "audit_log.actor_label",
                        "page_sessions.data");

        Erasure erased = OrganizationErasure.erase(
                stores,
                Actor.system("cli:test"),
                Origin.NONE,
                stores.organizations().get(acme.org()));

        assertThat(erased.rows()).isGreaterThan(20);
        assertThat(erased.deleted()).containsEntry("organizations", 1).containsEntry("users", 1);
        assertThat(erased.keyHashes()).hasSize(1);
        assertThat(erased.anonymised()).isEqualTo(1);
        assertThat(stores.organizations().find(acme.org())).isEmpty();
        assertThat(personal(db, acme)).isEmpty();
        List<AuditEntry> entries = stores.audit()
                .forEntity("organization", acme.org().toString(), PageRequest.first(10))
                .items();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("organization.erase");
            assertThat(e.organizationId()).isNull();
            assertThat(e.actorLabel()).isEqualTo("cli:test");
            assertThat(e.afterData().path("rows").asLong()).isEqualTo(erased.rows());
        });
        assertThat(hashes(stores, other, dir.resolve("after.fbk"))).isEqualTo(otherBefore);
    }

    @EngineTest
    void theInstallationsOrganizationIsRefusedUnlessForcedAndAnUnknownOneIsNamed(Database db) {
        Migrator.configure().database(db).load().migrate();
        Stores stores = Stores.create(db);
        stores.organizations().create("Default", "default");

        assertThatThrownBy(() -> OrganizationTarget.resolve(stores, "default", false, "delete"))
                .isInstanceOfSatisfying(
                        FlowbaseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REFUSED))
                .hasMessageContaining("organization 'default'")
                .hasMessageContaining("--force");
        assertThat(OrganizationTarget.resolve(stores, "default", true, "delete").slug())
                .isEqualTo("default");
        assertThatThrownBy(() -> OrganizationTarget.resolve(stores, "nope", false, "export"))
                .isInstanceOfSatisfying(
                        FlowbaseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("organization 'nope' not found")
                .hasMessageContaining("flowbase org list");
        assertThatThrownBy(() -> OrganizationTarget.resolve(stores, " ", false, "export"))
                .isInstanceOfSatisfying(
                        FlowbaseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    /** Each table's hash in an export of {@code f}, written without an actor so that it adds no audit row. */
    private static Map<String, String> hashes(Stores stores, GdprFixture f, Path file) {
        Manifest m = OrganizationExport.write(
                stores, stores.organizations().get(f.org()), file, BackupOptions.DEFAULT, BackupProgress.NONE);
        Map<String, String> byTable = new TreeMap<>();
        m.tables().forEach(t -> byTable.put(t.name(), t.rows() + " " + t.sha256()));
        return byTable;
    }

    /**
     * Every value of every table, column by column, that holds {@code f}'s marker or one of its ids
     * (but its organization's id in the one audit entry of its erasure): {@code table.column why}.
     */
    private static List<String> personal(Database db, GdprFixture f) {
        List<String> found = new ArrayList<>();
        for (String table : Stores.TABLE_OWNERS.keySet()) {
            everyValue(db, table, (row, column, value) -> {
                boolean erasureEntry = table.equals("audit_log") && row.contains("organization.erase");
                if (value.contains(f.marker())) {
                    found.add(table + "." + column + " holds the marker: " + value);
                }
                f.ids().stream()
                        .filter(id -> value.contains(id)
                                && !(erasureEntry && id.equals(f.org().toString())))
                        .forEach(id -> found.add(table + "." + column + " holds the id " + id + ": " + value));
            });
        }
        return found;
    }

    interface Visitor {
        void value(String row, String column, String value);
    }

    /** Every non-null value of every row of {@code table}, as text, with its row as text. */
    static void everyValue(Database db, String table, Visitor visitor) {
        db.withHandle("Reading " + table, h -> {
            try (var s = h.getConnection().createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT * FROM " + db.dialect().quoteIdentifier(table))) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        values.add(String.valueOf(rs.getString(i)));
                    }
                    String row = String.join(" | ", values);
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if (rs.getString(i) != null) {
                            visitor.value(
                                    row, meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT), rs.getString(i));
                        }
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }
}
