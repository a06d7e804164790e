package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.backup.Backups;
import dev.flowbase.db.Database;
import dev.flowbase.store.AccessRole;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/organization/export}, {@code GET /api/organizations/{slug}/export} and {@code
 * DELETE /api/organizations/{slug}}: who may call them, what the archive holds, and what is left.
 */
class OrganizationDataApiTest {
    @TempDir
    Path dir;

    @EngineTest
    void anAdminExportsItsOwnOrganizationAndTheInstallationsAdminExportsAndErasesAny(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            Stores stores = Stores.create(db);
            Tenant mine = Tenant.make(api.admin, stores, api.org.id(), new Random());
            Tenant theirs = Tenant.make(api.otherAdmin, stores, api.otherOrg.id(), new Random());
            String slug = api.otherOrg.slug();

            String[] own = api.otherAdmin.download("/api/organization/export", dir.resolve("own.fbk"));
            String[] byInstallation =
                    api.admin.download("/api/organizations/" + slug + "/export", dir.resolve("i.fbk"));
            var operator = api.client(api.otherOrg, AccessRole.OPERATOR).get("/api/organization/export");
            var otherNamesOne = api.otherAdmin.get("/api/organizations/" + slug + "/export");
            var installationOwn = api.admin.get("/api/organization/export");
            String[] forced = api.admin.download("/api/organization/export?force=true", dir.resolve("f.fbk"));
            var badFlag = api.admin.get("/api/organization/export?force=yes");
            var unknown = api.admin.get("/api/organizations/no-such-org/export");

            assertThat(own[0]).isEqualTo("200");
            assertThat(own[1]).startsWith("application/octet-stream");
            assertThat(own[2]).isEqualTo("attachment; filename=\"org-" + slug + ".fbk\"");
            String ownRows = rows(dir.resolve("own.fbk"));
            assertThat(ownRows).contains(theirs.marker()).doesNotContain(mine.marker());
            mine.ids().forEach(id -> assertThat(ownRows).doesNotContain(id));
            theirs.ids().forEach(id -> assertThat(ownRows).contains(id));
            assertThat(byInstallation[0]).isEqualTo("200");
            assertThat(rows(dir.resolve("i.fbk"))).contains(theirs.marker()).doesNotContain(mine.marker());
            assertProblem(operator, 403, "forbidden");
            assertProblem(otherNamesOne, 403, "forbidden");
            assertProblem(installationOwn, 409, "refused");
            assertThat(installationOwn.body()).contains("organization 'default'", "force=true");
            assertThat(forced[0]).isEqualTo("200");
            assertThat(rows(dir.resolve("f.fbk"))).contains(mine.marker()).doesNotContain(theirs.marker());
            assertProblem(badFlag, 400, "invalid-argument");
            assertThat(badFlag.body()).contains("force", "'yes'", "true or false");
            assertProblem(unknown, 404, "not-found");
            assertThat(unknown.body()).contains("no-such-org");

            var otherDeletes = api.otherAdmin.delete("/api/organizations/" + slug + "?confirm=true");
            var unconfirmed = api.admin.delete("/api/organizations/" + slug);
            var defaultOne = api.admin.delete("/api/organizations/default?confirm=true");
            assertProblem(otherDeletes, 403, "forbidden");
            assertProblem(unconfirmed, 409, "refused");
            assertThat(unconfirmed.body()).contains("confirm", "cannot be undone");
            assertProblem(defaultOne, 409, "refused");
            assertThat(api.otherAdmin.get("/api/organization").status()).isEqualTo(200);

            var erased = api.admin.delete("/api/organizations/" + slug + "?confirm=true");

            assertThat(erased.status()).as(erased.body()).isEqualTo(200);
            assertThat(erased.text("/slug")).isEqualTo(slug);
            assertThat(erased.at("/deleted/organizations").asInt()).isEqualTo(1);
            assertThat(erased.at("/rows").asLong()).isGreaterThan(10);
            // Its keys stop at once, though the server had just trusted one.
            assertThat(api.otherAdmin.get("/api/organization").status()).isEqualTo(401);
            assertThat(api.admin.get("/api/organizations").body()).doesNotContain(slug);
            assertThat(stores.audit()
                            .forEntity("organization", api.otherOrg.id().toString(), PageRequest.first(10))
                            .items())
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.action()).isEqualTo("organization.erase");
                        assertThat(e.organizationId()).isNull();
                        assertThat(e.requestId()).isNotNull();
                    });
            assertThat(api.admin.get("/api/workflows/" + mine.workflow()).status())
                    .isEqualTo(200);
        }
    }

    private static String rows(Path file) {
        List<String> rows = new ArrayList<>();
        Backups.readRows(file, null, (table, row) -> rows.add(table.name() + " " + Arrays.toString(row)));
        return String.join("\n", rows);
    }
}
