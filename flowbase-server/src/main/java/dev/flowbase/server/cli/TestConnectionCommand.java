package dev.flowbase.server.cli;

import dev.flowbase.db.ConnectionCheck;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
        name = "test-connection",
        description = "Connect to the database and print provider, version, TLS and round-trip time.")
final class TestConnectionCommand extends BaseCommand {

    @Override
    public Integer call() {
        ConnectionCheck.Report r = ConnectionCheck.run(config().database());
        double rttMs = r.roundTrip().toNanos() / 1e6;
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("provider", r.provider());
            doc.put("serverVersion", r.serverVersion());
            doc.put("database", r.database());
            doc.put("user", r.user());
            doc.put("tls", r.tls());
            doc.put("roundTripMs", Math.round(rttMs * 1000) / 1000.0);
            doc.put(
                    "pool",
                    Map.of(
                            "max",
                            r.pool().max(),
                            "active",
                            r.pool().active(),
                            "idle",
                            r.pool().idle()));
            doc.put("target", r.target());
            Output.json(out(), doc);
        } else {
            Map<String, Object> lines = new LinkedHashMap<>();
            lines.put("provider", r.provider());
            lines.put("server version", r.serverVersion());
            lines.put("database", r.database());
            lines.put("user", r.user().isEmpty() ? "-" : r.user());
            lines.put("tls", r.tls() ? "yes" : "no");
            lines.put("round trip", String.format(Locale.ROOT, "%.3f ms (median of %d)", rttMs, ConnectionCheck.PINGS));
            lines.put(
                    "pool",
                    "max " + r.pool().max() + ", open "
                            + (r.pool().active() + r.pool().idle()));
            lines.put("target", r.target());
            Output.keyValues(out(), lines);
        }
        return 0;
    }
}
