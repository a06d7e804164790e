package dev.flowbase.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.config.FlowbaseConfig.LogFormat;
import dev.flowbase.util.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A value with a newline or a NUL cannot write a line of its own into the server's log. */
class LogForgingTest {
    private static final String FORGED =
            "x\n04:00:00.000 INFO  d.f.s.h.AccountRoutes - admin key rotated\u0000\u001b[2J";

    @AfterEach
    void quiet() {
        Logging.configure(LogFormat.TEXT, Logging.Detail.NORMAL, System.err);
    }

    private static List<String> log(LogFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Logging.configure(format, Logging.Detail.NORMAL, out);
        var log = LoggerFactory.getLogger("dev.flowbase.server.http.Problems");
        log.warn("POST /api/tasks failed: name={}", FORGED);
        log.error("Unexpected failure", new IllegalStateException("bad " + FORGED, new RuntimeException(FORGED)));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theTextFormatEscapesControlCharactersInMessagesAndExceptions() {
        List<String> lines = log(LogFormat.TEXT);

        assertThat(lines.get(0))
                .contains("name=x\\n04:00:00.000 INFO  d.f.s.h.AccountRoutes - admin key rotated\\u0000\\u001b[2J");
        assertThat(lines).noneMatch(l -> l.startsWith("04:00:00.000"));
        assertThat(lines).noneMatch(l -> l.contains("\u0000") || l.contains("\u001b"));
        assertThat(lines).anyMatch(l -> l.startsWith("java.lang.IllegalStateException: bad x\\n04:00"));
        assertThat(lines).anyMatch(l -> l.startsWith("Caused by: java.lang.RuntimeException: x\\n04:00"));
    }

    @Test
    void theJsonFormatKeepsEachEventOnOneLineAndTheValueIntact() {
        List<String> lines = log(LogFormat.JSON);

        assertThat(lines).hasSize(2);
        JsonNode first = Json.read(lines.get(0));
        assertThat(first.get("formattedMessage").asText()).isEqualTo("POST /api/tasks failed: name=" + FORGED);
        assertThat(Json.read(lines.get(1)).toString()).contains("bad x\\n04:00");
    }
}
