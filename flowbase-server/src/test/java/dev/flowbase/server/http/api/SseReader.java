package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A client of {@code GET /api/events}: each event it reads lands in a queue the test waits on. */
final class SseReader implements AutoCloseable {
    record Received(String id, String event, String data) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private volatile int status;

    SseReader(String base, String key, String query, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/events" + query))
                .header("Authorization", "Bearer " + key)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            status = r.statusCode();
            opened.complete(null);
            Thread.ofVirtual().start(() -> read(r.body()));
        });
    }

    /** Waits until the server answered, and returns its status. */
    int status() throws Exception {
        opened.get(10, TimeUnit.SECONDS);
        return status;
    }

    private void read(Stream<String> lines) {
        String[] current = new String[3];
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (current[2] != null) {
                        received.add(new Received(current[0], current[1], current[2]));
                    }
                    current[0] = current[1] = current[2] = null;
                } else if (line.startsWith("id:")) {
                    current[0] = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    current[1] = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    current[2] = line.substring(5).strip();
                }
            });
        } catch (RuntimeException e) {
            // the stream was closed: the test has what it read
        }
    }

    Received next() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("an event within 10 s").isNotNull();
        return r;
    }

    /** What arrived so far, without waiting. */
    List<Received> sofar() {
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
