package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.Map;

/** Text over the schema's length or holding a NUL gets the same 400 on every engine, naming field and limit. */
class FieldLimitsApiTest {
    @EngineTest
    void aLongNameAndANulAreRefusedAlikeOnEveryEngine(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            var longName = api.operator.post("/api/tasks", Map.of("name", "x".repeat(5000)));
            var nulName = api.operator.post("/api/tasks", Map.of("name", "a\u0000b"));
            var nulParameter =
                    api.operator.post("/api/tasks", Map.of("name", "t", "parameters", Map.of("p", "\u0000")));
            var longWorkflow = api.operator.post("/api/workflows", Map.of("name", "w".repeat(256)));

            assertProblem(longName, 400, "invalid-argument");
            assertThat(longName.text("/errors/0/field")).isEqualTo("name");
            assertThat(longName.text("/detail")).contains("at most 255 characters");
            assertProblem(nulName, 400, "invalid-argument");
            assertThat(nulName.text("/detail")).contains("NUL");
            assertProblem(nulParameter, 400, "invalid-argument");
            assertThat(nulParameter.text("/errors/0/field")).isEqualTo("parameters.p");
            assertProblem(longWorkflow, 400, "invalid-argument");
            assertThat(api.viewer.get("/api/tasks").at("/items").size()).isZero();
        }
    }
}
