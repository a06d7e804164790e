package dev.flowbase.server.cli;

import dev.flowbase.setup.InitReport;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** How init and reset report: a line per step as it happens, then a summary with the one-time admin key. */
final class InitOutput {
    private InitOutput() {}

    static Consumer<String> progress(PrintStream out, boolean json) {
        return line -> {
            if (!json) {
                out.println("  " + line);
            }
        };
    }

    static void print(PrintStream out, boolean json, InitReport r) {
        if (json) {
            Output.json(out, toMap(r));
            return;
        }
        out.println("Flowbase is ready: " + r.target());
        r.adminKey().ifPresent(key -> {
            out.println();
            out.println("  Admin API key: " + key);
            out.println("  It will not be shown again: store it now. Only its hash is kept.");
        });
    }

    private static Map<String, Object> toMap(InitReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("target", r.target());
        doc.put("databaseCreated", r.databaseCreated());
        doc.put("migrationsApplied", r.migrations().executed().size());
        doc.put("environment", r.seeds().environment());
        doc.put("seedRowsInserted", r.seeds().totalInserted());
        doc.put("schemaVersion", r.schema().version());
        doc.put("schemaMatches", r.schema().matches());
        doc.put("redis", r.redisStatus());
        doc.put("adminKey", r.adminKey().orElse(null));
        return doc;
    }
}
