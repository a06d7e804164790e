package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.server.http.Route;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** docs/api.md lists every route with the role it needs, as the route table says: the documented matrix. */
class ApiDocsTest {
    @EngineTest
    void theRoleMatrixInTheDocsIsTheRouteTable(TestDatabase test, Database db) throws Exception {
        Assumptions.assumeTrue(test.engine() == Engine.SQLITE, "engine-free");
        try (ApiServer api = ApiServer.start(test, db)) {
            String docs = Files.readString(Path.of("..", "docs", "api.md"));
            List<String> rows =
                    api.server.routes().stream().map(ApiDocsTest::row).toList();

            assertThat(rows)
                    .as("docs/api.md should hold these rows:%n%s", String.join("\n", rows))
                    .allSatisfy(row -> assertThat(docs).contains(row));
        }
    }

    private static String row(Route r) {
        return "| " + r.method() + " | `" + r.path() + "` | " + r.access().label() + " | " + r.summary() + " |";
    }
}
