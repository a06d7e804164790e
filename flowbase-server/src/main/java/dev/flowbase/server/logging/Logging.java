package dev.flowbase.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import dev.flowbase.config.FlowbaseConfig.LogFormat;
import dev.flowbase.store.LogStore;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * Sets up Logback in code: one appender on the error stream (standard output is the
 * command's own, so {@code --json} output stays parseable), human lines or JSON lines.
 */
public final class Logging {
    private Logging() {}

    /** How much Flowbase and its libraries say: {@code --verbose} is {@link Detail#VERBOSE}. */
    public enum Detail {
        /** Flowbase at INFO; the pool at WARN and the MariaDB driver at ERROR, so a command line stays quiet. */
        NORMAL,
        /** Flowbase at DEBUG; the pool and the MariaDB driver at INFO. */
        VERBOSE
    }

    public static void configure(LogFormat format, Detail detail, OutputStream target) {
        boolean verbose = detail == Detail.VERBOSE;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        console(context, format, target);
        context.getLogger("dev.flowbase").setLevel(verbose ? Level.DEBUG : Level.INFO);
        // The pool announces every start and stop at INFO; that is noise on a command line.
        context.getLogger("com.zaxxer.hikari").setLevel(verbose ? Level.INFO : Level.WARN);
        // The MariaDB driver logs every refused login itself; Flowbase reports it once, in its own words.
        context.getLogger("org.mariadb.jdbc").setLevel(verbose ? Level.INFO : Level.ERROR);
    }

    /** One appender on {@code target} for the root logger, at WARN: what {@link QuietStart} and the CLI share. */
    static void console(LoggerContext context, LogFormat format, OutputStream target) {
        Encoder<ILoggingEvent> encoder = format == LogFormat.JSON ? jsonEncoder(context) : textEncoder(context);
        OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        // Logback closes its appenders' streams when it stops (its own shutdown hook can run before
        // ours); the process's error stream must outlive it so the last lines of a stop are seen.
        console.setOutputStream(new FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        // The message and exception converters escape control characters: values from requests
        // reach these lines, and one line of the log must stay one event.
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("msg", EscapedMessage::new);
        layout.getInstanceConverterMap().put("ex", EscapedThrowable::new);
        layout.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n%ex");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithFormattedMessage(true);
        encoder.setWithArguments(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithContext(false);
        encoder.start();
        return encoder;
    }

    /**
     * Starts copying Flowbase's own log events (its level and up, as configured) into the logs
     * table through {@code logs}; {@link #stopStoring} ends it, writing what is queued.
     */
    public static LogStoreAppender storeIn(LogStore logs) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogStoreAppender appender = new LogStoreAppender(logs, 10_000, 500, Duration.ofMillis(250));
        appender.setContext(context);
        appender.start();
        context.getLogger("dev.flowbase").addAppender(appender);
        return appender;
    }

    public static void stopStoring(LogStoreAppender appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger("dev.flowbase").detachAppender(appender);
        appender.stop();
    }
}
