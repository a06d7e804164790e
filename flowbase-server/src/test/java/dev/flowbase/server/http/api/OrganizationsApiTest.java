package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.Map;

/** The installation's admin makes and lists organizations; the new one's admin key acts in it alone. */
class OrganizationsApiTest {
    @EngineTest
    void theInstallationAdminMakesAnOrganizationWhoseFirstKeyActsInItAlone(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            var made = api.admin.post("/api/organizations", Map.of("name", "Globex Été"));
            String secret = made.text("/adminKey/secret");
            var listed = api.admin.get("/api/organizations?limit=1000");
            var asNewAdmin = new ApiClient("http://127.0.0.1:" + api.server.port(), secret);
            var own = asNewAdmin.get("/api/organization");
            var keys = asNewAdmin.get("/api/api-keys");
            var newAdminLists = asNewAdmin.get("/api/organizations");
            var otherAdminMakes = api.otherAdmin.post("/api/organizations", Map.of("name", "Nope"));
            var operatorLists = api.operator.get("/api/organizations");
            var again = api.admin.post("/api/organizations", Map.of("name", "globex ete"));
            var noName = api.admin.post("/api/organizations", Map.of("slug", "x"));
            var audit = asNewAdmin.get("/api/audit");

            assertThat(made.status()).isEqualTo(201);
            assertThat(made.text("/organization/slug")).isEqualTo("globex-ete");
            assertThat(made.text("/adminKey/key/accessRole")).isEqualTo("ADMIN");
            assertThat(secret).startsWith("fb_");
            assertThat(listed.at("/items").findValuesAsText("slug")).contains("globex-ete", "default");
            assertThat(listed.body()).doesNotContain(secret);
            assertThat(own.text("/slug")).isEqualTo("globex-ete");
            assertThat(keys.at("/items").size()).isEqualTo(1);
            assertProblem(newAdminLists, 403, "forbidden");
            assertProblem(otherAdminMakes, 403, "forbidden");
            assertProblem(operatorLists, 403, "forbidden");
            assertThat(again.status()).isEqualTo(409);
            assertThat(noName.status()).isEqualTo(400);
            assertThat(noName.body()).contains("name");
            assertThat(audit.at("/items").findValuesAsText("action")).contains("organization.create", "api_key.create");
            assertThat(audit.body()).doesNotContain(secret);
        }
    }
}
