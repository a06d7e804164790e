package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Route;
import dev.flowbase.store.AccessRole;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Walks the whole access matrix from the route table: every route, without a key, with each
 * role of the installation's organization, and with an admin key of another organization. A route is refused (401 without a key, 403 with too weak a role) exactly where the table
 * says, and never refused for access where it allows.
 */
class AccessMatrixTest {
    @EngineTest
    void everyRouteAnswersEachRoleAsTheTableSays(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            List<String> wrong = new ArrayList<>();
            for (Route route : api.server.routes()) {
                String path = concrete(route.path());
                String body = route.request() == null ? null : "{}";
                int none =
                        api.anonymous.send(route.method(), path, body, Map.of()).status();
                if (route.access() == Access.PUBLIC ? none == 401 || none == 403 : none != 401) {
                    wrong.add(route + " without a key answered " + none);
                }
                for (AccessRole role : AccessRole.values()) {
                    int status = api.as(role)
                            .send(route.method(), path, body, Map.of())
                            .status();
                    boolean allowed = route.access().allows(role, true);
                    if (allowed ? status == 401 || status == 403 : status != 403) {
                        wrong.add(route + " as " + role + " answered " + status + " (allowed: " + allowed + ")");
                    }
                }
                // An admin of another organization than the installation's: not an installation admin.
                int other = api.otherAdmin
                        .send(route.method(), path, body, Map.of())
                        .status();
                boolean allowed = route.access().allows(AccessRole.ADMIN, false);
                if (allowed ? other == 401 || other == 403 : other != 403) {
                    wrong.add(route + " as another organization's admin answered " + other);
                }
            }
            assertThat(wrong).isEmpty();
            assertThat(api.server.routes()).hasSizeGreaterThan(50);
        }
    }

    /** A path with each parameter filled: an id nobody has, a name nobody uses, version 1. */
    private static String concrete(String template) {
        return template.replace("{id}", UUID.randomUUID().toString())
                .replace("{version}", "1")
                .replace("{queue}", "matrix")
                .replace("{name}", "matrix-" + UUID.randomUUID())
                .replace("{key}", "matrix.key")
                .replace("{slug}", "matrix-slug");
    }
}
