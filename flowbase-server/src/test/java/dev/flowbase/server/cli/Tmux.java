package dev.flowbase.server.cli;

import dev.flowbase.testing.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code flowbase} in a real pseudo-terminal: a tmux server of its own (its own socket, so nothing
 * else's sessions are touched) runs the command in a pane that stays after it exits, keys are
 * sent as a person types them, and the screen is read back. bin/test installs Debian's tmux.
 */
final class Tmux implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String EXITED = "[exited with status ";
    private static final Pattern EXIT_STATUS = Pattern.compile(Pattern.quote(EXITED) + "(\\d+)]");
    private final String socket = "flowbase-test-" + UUID.randomUUID();

    /** Starts {@code flowbase args} in {@code dir}, with only the environment a login shell would have. */
    static Tmux flowbase(Path dir, String... args) throws IOException {
        Tmux tmux = new Tmux();
        Path conf = Files.writeString(Files.createTempFile("tmux", ".conf"), "set -g remain-on-exit on\n");
        List<String> command = new ArrayList<>(List.of(
                "tmux", "-L", tmux.socket, "-f", conf.toString(), "new-session", "-d", "-x", "200", "-y", "100"));
        command.add("-c");
        command.add(dir.toString());
        // A shell around the command prints its exit status on the screen: tmux's own pane status is
        // sometimes never filled in. The shell outlives Ctrl-C (a no-op trap; Java still gets SIGINT).
        command.addAll(List.of("sh", "-c", "trap : INT; \"$@\"; echo \"" + EXITED + "$?]\"", "sh"));
        command.addAll(JavaProcess.of("dev.flowbase.server.Main", args).command());
        ProcessBuilder start = new ProcessBuilder(command).redirectErrorStream(true);
        // No database setting may leak in from the machine: the wizard runs only when nothing is configured.
        start.environment()
                .keySet()
                .removeIf(k -> k.startsWith("DB_")
                        || k.startsWith("DATABASE_")
                        || k.startsWith("POSTGRES_")
                        || k.startsWith("FLOWBASE_")
                        || k.equals("REDIS_URL"));
        tmux.run(start);
        Files.delete(conf);
        return tmux;
    }

    /** Types {@code text} and Enter. */
    void type(String text) {
        if (!text.isEmpty()) {
            tmux("send-keys", "-l", text);
        }
        tmux("send-keys", "Enter");
    }

    void ctrlC() {
        tmux("send-keys", "C-c");
    }

    /** Waits until the screen shows {@code text} as often as {@code times}; returns the screen. */
    String await(String text, int times) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String screen = screen();
            if (count(screen, text) >= times) {
                return screen;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the terminal did not show '" + text + "' (" + times + "x):\n" + screen);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    String await(String text) {
        return await(text, 1);
    }

    /** Waits for the command to end; its exit status (130 after Ctrl-C: 128 + SIGINT). */
    int exitStatus() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Matcher m = EXIT_STATUS.matcher(screen());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the command did not end:\n" + screen());
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** Everything the pane showed, lines joined as they were written. */
    String screen() {
        return tmux("capture-pane", "-p", "-J", "-S", "-");
    }

    @Override
    public void close() {
        try {
            new ProcessBuilder("tmux", "-L", socket, "kill-server").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int count(String screen, String text) {
        int n = 0;
        for (int i = screen.indexOf(text); i >= 0; i = screen.indexOf(text, i + text.length())) {
            n++;
        }
        return n;
    }

    private String tmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command).redirectErrorStream(true));
    }

    private String run(ProcessBuilder builder) {
        try {
            Process p = builder.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", builder.command().subList(0, 4)) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
