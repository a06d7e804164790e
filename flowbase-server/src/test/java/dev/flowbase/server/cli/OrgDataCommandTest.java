package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.backup.Backups;
import dev.flowbase.db.Database;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowbase org export|delete}: the GDPR commands of the installation's admin. */
class OrgDataCommandTest {
    @TempDir
    Path dir;

    @EngineTest
    void anOrganizationIsExportedThenDeletedOnlyWithConfirmAndTheDefaultOneOnlyWithForce(TestDatabase db) {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();
        assertThat(CliRun.of("org", "create", "Initech", "--url", db.url()).status())
                .isZero();
        Path file = dir.resolve("initech.fbk");

        CliRun export = CliRun.of("org", "export", "initech", "--out", file.toString(), "--json", "--url", db.url());
        CliRun exportDefault = CliRun.of(
                "org", "export", "default", "--out", dir.resolve("d.fbk").toString(), "--url", db.url());
        CliRun forced = CliRun.of(
                "org",
                "export",
                "default",
                "--force",
                "--out",
                dir.resolve("d.fbk").toString(),
                "--url",
                db.url());
        CliRun unconfirmed = CliRun.of("org", "delete", "initech", "--url", db.url());
        CliRun deleteDefault = CliRun.of("org", "delete", "default", "--confirm", "--url", db.url());
        CliRun deleted = CliRun.of("org", "delete", "initech", "--confirm", "--json", "--url", db.url());
        CliRun again = CliRun.of("org", "delete", "initech", "--confirm", "--url", db.url());

        assertThat(export.status()).as(export.err()).isZero();
        assertThat(export.out()).contains("\"organization\" : \"initech\"", "\"tables\"");
        List<String> tables = new ArrayList<>();
        Backups.readRows(file, null, (t, row) -> tables.add(t.name()));
        assertThat(tables).contains("organizations", "api_keys", "audit_log");
        assertThat(exportDefault.status()).isEqualTo(14);
        assertThat(exportDefault.err()).contains("organization 'default'", "--force");
        assertThat(Files.exists(dir.resolve("d.fbk"))).isEqualTo(forced.status() == 0);
        assertThat(forced.status()).as(forced.err()).isZero();
        assertThat(unconfirmed.status()).isEqualTo(14);
        assertThat(unconfirmed.err()).contains("--confirm", "cannot be undone", "org export initech");
        assertThat(deleteDefault.status()).isEqualTo(14);
        assertThat(deleteDefault.err()).contains("organization 'default'", "--force");
        assertThat(deleted.status()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("\"organization\" : \"initech\"", "\"deleted\"", "\"rows\"");
        assertThat(deleted.out()).doesNotContain("keyHash", "key_hash");
        assertThat(again.status()).isEqualTo(13);
        assertThat(again.err()).contains("organization 'initech' not found", "flowbase org list");
        try (Database database = db.open()) {
            Stores stores = Stores.create(database);
            assertThat(stores.organizations().findBySlug("initech")).isEmpty();
            assertThat(stores.organizations().findBySlug("default")).isPresent();
            assertThat(stores.audit()
                            .forEntity("organization", null, PageRequest.first(50))
                            .items())
                    .anyMatch(e -> e.action().equals("organization.erase")
                            && e.organizationId() == null
                            && e.actorLabel().startsWith("cli:"));
        }
    }
}
