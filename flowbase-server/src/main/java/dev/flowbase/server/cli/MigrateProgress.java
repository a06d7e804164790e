package dev.flowbase.server.cli;

import dev.flowbase.migrate.ExecutedScript;
import dev.flowbase.migrate.MigrationListener;
import java.io.PrintStream;

/**
 * Progress of {@code migrate up} and {@code rollback} on standard error, so standard output keeps
 * only the result. On a terminal one line is redrawn after every script and cleared at the end; in
 * a log (no terminal) a run of more than {@link #LONG_RUN} scripts prints a line every tenth, and
 * a shorter one prints nothing, since its result table follows within moments.
 */
final class MigrateProgress implements MigrationListener {
    static final int LONG_RUN = 20;
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream err;
    private final boolean terminal;
    private final String verb;
    private int total;
    private int done;
    private int lastTenth;
    private boolean shown;
    private long start;

    MigrateProgress(PrintStream err, boolean terminal, String verb) {
        this.err = err;
        this.terminal = terminal;
        this.verb = verb;
    }

    @Override
    public void onStart(int total) {
        this.total = total;
        this.start = System.nanoTime();
        this.shown = terminal ? total > 0 : total > LONG_RUN;
    }

    @Override
    public void onScript(ExecutedScript script) {
        done++;
        if (!shown) {
            return;
        }
        if (terminal) {
            err.print(CLEAR_LINE + line(script));
            if (done == total) {
                err.print(CLEAR_LINE);
            }
            err.flush();
            return;
        }
        int tenth = done * 10 / total;
        if (tenth > lastTenth) {
            lastTenth = tenth;
            err.println(line(script));
        }
    }

    private String line(ExecutedScript script) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(
                "%s %d/%d (%d%%) %s, %.1f s", verb, done, total, done * 100 / total, script.script(), seconds);
    }
}
