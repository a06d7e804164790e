package dev.flowbase.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.flowbase.config.FlowbaseConfig.LogFormat;

/**
 * Logback's set-up before the CLI configures logging ({@link Logging#configure}): warnings on the
 * error stream. Registered as a service, so Logback takes it instead of looking for
 * {@code logback-test.xml} and {@code logback.xml} and parsing XML: its Joran configurator alone
 * loaded some 300 classes on every command (bench/RESULTS.md, start-up).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class QuietStart extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logging.console(context, LogFormat.TEXT, System.err);
        // The MariaDB driver logs every server error at WARN, with row values; Flowbase reports them itself.
        context.getLogger("org.mariadb.jdbc").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
