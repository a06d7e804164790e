package dev.flowbase.server.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.flowbase.status.AlertEvent;
import dev.flowbase.status.Check;
import dev.flowbase.status.Verdict;
import dev.flowbase.testing.SettableClock;
import dev.flowbase.util.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raised and cleared alerts reach a webhook once each, as JSON a receiver can act on. */
class AlertWatcherTest {
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(Json.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void anAlertIsPostedWhenRaisedAndWhenClearedAndNotInBetween() throws Exception {
        AtomicReference<Check> disk = new AtomicReference<>(new Check("disk", Verdict.WARNING, "95% used"));
        SettableClock clock = new SettableClock(Instant.parse("2026-11-30T12:00:00Z"));
        List<AlertEvent> sent = new CopyOnWriteArrayList<>();
        AlertWatcher watcher = new AlertWatcher(
                () -> List.of(disk.get()),
                List.of(
                        new Webhook("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?token=t0k3n"),
                        sent::add),
                clock);

        var raised = watcher.evaluate();
        clock.advance(Duration.ofSeconds(15));
        var stillOn = watcher.evaluate();
        JsonNode first = received.poll(10, TimeUnit.SECONDS);
        disk.set(new Check("disk", Verdict.OK, "40% used"));
        watcher.evaluate();
        var cleared = watcher.evaluate();
        JsonNode second = received.poll(10, TimeUnit.SECONDS);

        assertThat(raised).hasSize(1);
        assertThat(stillOn).isEmpty();
        assertThat(watcher.active()).isEmpty();
        assertThat(cleared).hasSize(1);
        assertThat(first.get("alert").asText()).isEqualTo("disk");
        assertThat(first.get("state").asText()).isEqualTo("raised");
        assertThat(first.get("severity").asText()).isEqualTo("warning");
        assertThat(first.get("detail").asText()).isEqualTo("95% used");
        assertThat(second.get("state").asText()).isEqualTo("cleared");
        assertThat(second.get("since").asText()).isEqualTo("2026-11-30T12:00:00Z");
        assertThat(sent)
                .extracting(AlertEvent::state)
                .containsExactly(AlertEvent.State.RAISED, AlertEvent.State.CLEARED);
    }
}
