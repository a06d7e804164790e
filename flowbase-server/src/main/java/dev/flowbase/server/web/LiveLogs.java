package dev.flowbase.server.web;

import dev.flowbase.store.LogEntry;
import dev.flowbase.store.LogFilter;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.util.Every;
import dev.flowbase.util.Json;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /events/logs}: the logs page's live tail. Every {@link #EVERY} each watching browser gets
 * the lines written since the last it got that match its filter. The lines come from the log
 * table, so lines of every server on the database arrive, not only this one's.
 */
final class LiveLogs implements AutoCloseable {
    static final Duration EVERY = Duration.ofSeconds(1);

    private static final class Tail {
        final LogFilter filter;
        Instant since;
        Set<UUID> sentAtSince = new HashSet<>();

        Tail(LogFilter filter, Instant since) {
            this.filter = filter;
            this.since = since;
        }
    }

    private final Stores stores;
    private final Map<SseClient, Tail> tails = new ConcurrentHashMap<>();
    private final Every timer;

    LiveLogs(Stores stores) {
        this.stores = stores;
        this.timer = Every.start("flowbase-log-tail", EVERY, EVERY, this::push);
    }

    void join(SseClient client, LogFilter filter) {
        client.keepAlive();
        client.onClose(() -> tails.remove(client));
        tails.put(client, new Tail(filter, Instant.now()));
    }

    private void push() {
        tails.forEach((client, tail) -> {
            if (client.terminated()) {
                tails.remove(client);
                return;
            }
            LogFilter f = tail.filter;
            List<LogEntry> lines = stores.logs()
                    .query(f.writtenSince(tail.since), PageRequest.first(200))
                    .items();
            // Newest first from the store: sent oldest first, each once (lines at the same instant as
            // the last sent one are asked for again, and skipped when already sent).
            for (int i = lines.size() - 1; i >= 0; i--) {
                LogEntry e = lines.get(i);
                if (tail.sentAtSince.contains(e.id())) {
                    continue;
                }
                client.sendEvent("line", Json.write(Map.of("row", LogsPage.row(e))));
                if (e.createdAt().isAfter(tail.since)) {
                    tail.since = e.createdAt();
                    tail.sentAtSince = new HashSet<>();
                }
                tail.sentAtSince.add(e.id());
            }
        });
    }

    @Override
    public void close() {
        timer.close();
        tails.keySet().forEach(SseClient::close);
    }
}
