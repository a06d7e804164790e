package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.store.ApiKeyStore;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;

/** {@code flowbase org create|list}: the installation's admin makes tenants with database access. */
class OrgCommandTest {
    @EngineTest
    void anOrganizationIsMadeWithItsFirstAdminKeyShownOnceAndListed(TestDatabase db) {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();

        CliRun made = CliRun.of("org", "create", "Initech Labs", "--url", db.url());
        CliRun json = CliRun.of("org", "create", "Hooli", "--slug", "hooli-xyz", "--json", "--url", db.url());
        CliRun duplicate = CliRun.of("org", "create", "initech  labs", "--url", db.url());
        CliRun blank = CliRun.of("org", "create", "!!!", "--url", db.url());
        CliRun list = CliRun.of("org", "list", "--url", db.url());
        CliRun listJson = CliRun.of("org", "list", "--json", "--url", db.url());

        assertThat(made.status()).as(made.err()).isZero();
        assertThat(made.out())
                .contains("Created organization \"Initech Labs\" (slug initech-labs", "Admin API key: fb_");
        assertThat(json.out()).contains("\"slug\" : \"hooli-xyz\"", "\"adminKey\" : \"fb_");
        assertThat(duplicate.status()).isNotZero();
        assertThat(duplicate.err()).contains("initech-labs");
        assertThat(blank.err()).contains("name", "at least one letter or digit");
        assertThat(list.out()).contains("default", "initech-labs", "hooli-xyz").doesNotContain("fb_");
        assertThat(listJson.out())
                .contains("\"organizations\"", "\"slug\" : \"hooli-xyz\"")
                .doesNotContain("fb_");

        String key = made.out()
                .lines()
                .filter(l -> l.contains("Admin API key:"))
                .findFirst()
                .orElseThrow()
                .replaceAll(".*Admin API key: ", "")
                .strip();
        try (Database database = db.open()) {
            var found = Stores.create(database).apiKeys().authenticate(key).orElseThrow();
            var initech = Stores.create(database)
                    .organizations()
                    .findBySlug("initech-labs")
                    .orElseThrow();
            assertThat(found.organizationId()).isEqualTo(initech.id());
            assertThat(found.keyHash()).isEqualTo(ApiKeyStore.hash(key));
        }
    }
}
