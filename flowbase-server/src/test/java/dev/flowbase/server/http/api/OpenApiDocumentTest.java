package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.db.Database;
import dev.flowbase.server.http.Route;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/** {@code /openapi.json} is a valid OpenAPI 3.1 document of exactly the routes the server serves. */
class OpenApiDocumentTest {
    @EngineTest
    void theServedDocumentParsesAndMatchesTheRoutesBothWays(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            var answer = api.anonymous.get("/openapi.json");
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult parsed = new OpenAPIParser().readContents(answer.body(), null, options);

            assertThat(parsed.getMessages()).isEmpty();
            assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
            Set<String> served = new HashSet<>();
            for (Route r : api.server.routes()) {
                served.add(r.method() + " " + r.path());
                JsonNode op = answer.json()
                        .at("/paths/" + r.path().replace("/", "~1") + "/"
                                + r.method().toLowerCase(Locale.ROOT));
                assertThat(op.isMissingNode()).as("%s is documented", r).isFalse();
                assertThat(op.get("x-access").asText()).isEqualTo(r.access().label());
                assertThat(op.get("summary").asText()).as("%s has a summary", r).isNotBlank();
            }
            Set<String> documented = new HashSet<>();
            JsonNode paths = answer.json().get("paths");
            for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
                String path = it.next();
                paths.get(path)
                        .fieldNames()
                        .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path));
            }
            assertThat(documented).isEqualTo(served);
        }
    }
}
