package dev.flowbase.server.cli;

import dev.flowbase.backup.BackupProgress;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Progress of a backup, verify or restore on standard error: rows, bytes, rate and time left. On a
 * terminal one line is redrawn at most ten times a second and cleared at the end; in a log a line is
 * printed at most every five seconds, so that standard output keeps only the result.
 */
final class BackupProgressBar implements BackupProgress {
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream err;
    private final boolean terminal;
    private final long every;
    private String phase = "";
    private long total = -1;
    private long start;
    private long last;

    private BackupProgressBar(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.every = terminal ? 100_000_000L : 5_000_000_000L;
    }

    static BackupProgress of(BaseCommand command) {
        Cli.Progress mode = command.root().cli.progress();
        if (command.json() || mode == Cli.Progress.NONE) {
            return BackupProgress.NONE;
        }
        return new BackupProgressBar(command.err(), mode == Cli.Progress.TERMINAL);
    }

    @Override
    public void phase(String name, long totalRows) {
        clear();
        phase = name;
        total = totalRows;
        start = System.nanoTime();
        last = terminal ? 0 : start; // a log hears of a phase only once it has run a while
    }

    @Override
    public void advanced(String table, long rows, long bytes) {
        long now = System.nanoTime();
        if (now - last < every) {
            return;
        }
        last = now;
        double seconds = Math.max((now - start) / 1e9, 0.001);
        double rate = rows / seconds;
        StringBuilder line =
                new StringBuilder(phase).append(' ').append(table).append(": ").append(rows);
        if (total > 0) {
            line.append('/')
                    .append(total)
                    .append(" rows (")
                    .append(rows * 100 / total)
                    .append("%)");
        } else {
            line.append(" rows");
        }
        line.append(String.format(", %.1f MB, %.0f rows/s", bytes / 1e6, rate));
        if (total > 0 && rate > 0) {
            line.append(", ETA ").append(eta(Duration.ofSeconds((long) ((total - rows) / rate))));
        }
        if (terminal) {
            err.print(CLEAR_LINE + line);
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public void finished() {
        clear();
    }

    private void clear() {
        if (terminal) {
            err.print(CLEAR_LINE);
            err.flush();
        }
    }

    private static String eta(Duration d) {
        return d.toHours() > 0
                ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
