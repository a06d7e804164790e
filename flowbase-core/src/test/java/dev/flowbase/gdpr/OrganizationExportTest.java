package dev.flowbase.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.backup.BackupOptions;
import dev.flowbase.backup.BackupProgress;
import dev.flowbase.backup.Backups;
import dev.flowbase.backup.Manifest;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.Actor;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowbase org export}: every row of the organization in a backup archive, and none of another's. */
class OrganizationExportTest {
    @TempDir
    Path dir;

    @EngineTest
    void theExportHoldsEveryRowOfTheOrganizationAndNoneOfAnothers(Database db) throws Exception {
        Migrator.configure().database(db).load().migrate();
        GdprFixture acme = GdprFixture.fill(db, "acme");
        GdprFixture other = GdprFixture.fill(db, "other");
        Stores stores = Stores.create(db).as(Actor.system("test"));
        int ownRows = ownRows(db, acme);

        Path file = dir.resolve("acme.fbk");
        Manifest manifest = OrganizationExport.write(
                stores, stores.organizations().get(acme.org()), file, BackupOptions.DEFAULT, BackupProgress.NONE);
        Set<String> keys = new HashSet<>();
        List<String> rows = new ArrayList<>();
        Backups.readRows(file, null, (table, row) -> {
            int pk = table.columnNames().indexOf(table.name().equals("task_queue") ? "task_id" : "id");
            assertThat(keys.add(table.name() + ":" + row[pk])).as("a row twice").isTrue();
            rows.add(table.name() + " " + Arrays.toString(row));
        });
        String all = String.join("\n", rows);

        assertThat(Backups.verify(file, null, BackupProgress.NONE).totalRows()).isEqualTo(manifest.totalRows());
        assertThat(manifest.tables().stream().map(Manifest.Table::name))
                .containsExactlyElementsOf(TenantRows.PARTS.stream()
                        .map(TenantRows.Part::table)
                        .filter(t -> !TenantRows.NOT_EXPORTED.contains(t))
                        .toList());
        assertThat(all).contains(acme.marker()).doesNotContain(other.marker());
        acme.ids().forEach(id -> assertThat(keys).anyMatch(k -> k.endsWith(":" + id)));
        other.ids().forEach(id -> assertThat(all).doesNotContain(id));
        assertThat(all).contains("own line " + acme.marker()); // a line of Flowbase's about one of its tasks
        for (String t : List.of(
                "task_queue",
                "task_dependencies",
                "task_executions",
                "workflow_versions",
                "agent_role_versions",
                "agent_role_dependencies",
                "configurations",
                "audit_log",
                "logs")) {
            assertThat(manifest.tables()).anyMatch(m -> m.name().equals(t) && m.rows() > 0);
        }
        assertThat(manifest.totalRows()).isEqualTo(ownRows);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("acme.fbk");
        assertThat(stores.audit()
                        .list(acme.org(), dev.flowbase.store.PageRequest.first(10))
                        .items())
                .anyMatch(e -> e.action().equals("organization.export"));
    }

    /** The organization's rows, counted table by table with joins written here, not with TenantRows' conditions. */
    private static int ownRows(Database db, GdprFixture f) {
        String org = "'" + f.org() + "'";
        List<String> counts = List.of(
                "SELECT COUNT(*) FROM organizations WHERE id = " + org,
                "SELECT COUNT(*) FROM users WHERE organization_id = " + org,
                "SELECT COUNT(*) FROM api_keys WHERE organization_id = " + org,
                "SELECT COUNT(*) FROM agent_roles WHERE organization_id = " + org,
                "SELECT COUNT(*) FROM agent_role_versions v JOIN agent_roles r ON r.id = v.agent_role_id"
                        + " WHERE r.organization_id = " + org,
                "SELECT COUNT(*) FROM agent_role_dependencies d JOIN agent_roles r ON r.id = d.agent_role_id"
                        + " WHERE r.organization_id = " + org,
                "SELECT COUNT(*) FROM workflows WHERE organization_id = " + org,
                "SELECT COUNT(*) FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id"
                        + " WHERE w.organization_id = " + org,
                "SELECT COUNT(*) FROM workflow_executions WHERE organization_id = " + org,
                "SELECT COUNT(*) FROM tasks WHERE organization_id = " + org,
                "SELECT COUNT(*) FROM task_dependencies d JOIN tasks t ON t.id = d.task_id WHERE t.organization_id = "
                        + org,
                "SELECT COUNT(*) FROM task_queue q JOIN tasks t ON t.id = q.task_id WHERE t.organization_id = " + org,
                "SELECT COUNT(*) FROM task_executions WHERE organization_id = " + org,
                "SELECT COUNT(*) FROM configurations WHERE organization_id = " + org,
                "SELECT COUNT(*) FROM logs l LEFT JOIN tasks t ON t.id = l.task_id WHERE l.organization_id = " + org
                        + " OR t.organization_id = " + org,
                "SELECT COUNT(*) FROM audit_log WHERE organization_id = " + org);
        return db.withHandle(
                "Counting the organization's rows",
                h -> counts.stream()
                        .mapToInt(sql -> h.createQuery(sql).mapTo(Integer.class).one())
                        .sum());
    }
}
