package dev.flowbase.server.cli;

import dev.flowbase.setup.InitReport;
import dev.flowbase.setup.Setup;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

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

    /**
     * Runs init or reset and prints its result. The admin key is printed together with the step that
     * stores it; in JSON, a run that fails after that step still prints a document with the key.
     */
    static int run(PrintStream out, boolean json, Setup setup, Function<Setup, InitReport> step) {
        String[] minted = new String[1];
        setup.onAdminKeyCreated(key -> {
            minted[0] = key;
            if (!json) {
                printKey(out, key);
            }
        });
        InitReport r;
        try {
            r = step.apply(setup);
        } catch (RuntimeException e) {
            if (json && minted[0] != null) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("completed", false);
                doc.put("adminKey", minted[0]);
                Output.json(out, doc);
            }
            throw e;
        }
        if (json) {
            Output.json(out, toMap(r));
        } else {
            out.println("Flowbase is ready: " + r.target());
        }
        return 0;
    }

    static void printKey(PrintStream out, String key) {
        out.println();
        out.println("  Admin API key: " + key);
        out.println("  It will not be shown again: store it now. Only its hash is kept.");
        out.println();
    }

    private static Map<String, Object> toMap(InitReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("completed", true);
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
