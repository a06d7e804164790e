package dev.flowbase.server.cli;

import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.Settings;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.MigrateResult;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.privilege.LeastPrivilege;
import dev.flowbase.server.http.FlowbaseServer;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Serve the HTTP API until stopped (SIGTERM or Ctrl-C).")
final class ServeCommand extends BaseCommand {

    @Option(names = "--host", paramLabel = "H", description = "Address to listen on (default 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default 8080; 0 picks a free one).")
    String port;

    @Option(
            names = "--auto-migrate",
            description = "Apply pending migrations (under the migration lock) before the port opens.")
    boolean autoMigrate;

    @Override
    public Integer call() throws InterruptedException {
        FlowbaseConfig config = root().configLoader()
                .flag(Settings.SERVER_HOST, host)
                .flag(Settings.SERVER_PORT, port)
                .flag(Settings.SERVER_AUTO_MIGRATE, autoMigrate ? "true" : null)
                .load();
        Optional<String> firstAdminKey =
                FirstRun.applies(config) ? FirstRun.initialise(config, out()) : Optional.empty();
        Database database = Database.open(config.database());
        FlowbaseServer server;
        try {
            if (config.server().autoMigrate()) {
                migrate(config, database);
            }
            spareJettyTheMBeanServer();
            server = FlowbaseServer.start(config, database);
            LeastPrivilege.excessPrivilege(database)
                    .ifPresent(why -> LoggerFactory.getLogger(ServeCommand.class)
                            .warn(
                                    "Serving as {}: serve as an application user instead (flowbase db create-users,"
                                            + " docs/security.md)",
                                    why));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, database, stopped), "flowbase-shutdown"));
        String address = "http://" + config.server().host() + ":" + server.port();
        out().println("Flowbase listening on " + address + " ("
                + config.database().describeTarget() + ")");
        firstAdminKey.ifPresent(key -> {
            out().println();
            out().println("  Admin API key: " + key);
            out().println("  It will not be shown again: store it now. Only its hash is kept.");
            server.signInLink(key)
                    .ifPresent(link -> out().println(
                                    "  Open the admin page (this link signs you in once, within 15 minutes):\n    "
                                            + browsable(address) + link));
        });
        out().flush();
        stopped.await();
        return 0;
    }

    private static final String JETTY_REFERENCES = "org.eclipse.jetty.util.referencesPerCacheLine";

    /**
     * Jetty sizes its padding by the references in a cache line, and finds out whether references
     * are compressed from the platform MBean server, which starts JMX and the JDK's Flight Recorder
     * MBean: some 0.14 s of CPU before serve's first answer (bench/RESULTS.md, start-up of serve).
     * The JVM compresses them whenever the heap's limit is under 32 GB; a wrong guess only changes
     * padding. A value the user set is kept. This process is serve's own, so the setting is too.
     */
    private static void spareJettyTheMBeanServer() {
        if (System.getProperty(JETTY_REFERENCES) == null) {
            int lineBytes = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
            boolean compressed = Runtime.getRuntime().maxMemory() < (32L << 30);
            System.setProperty(JETTY_REFERENCES, String.valueOf(lineBytes / (compressed ? 4 : 8)));
        }
    }

    /** A server listening on every address is reached in a browser on this machine as 127.0.0.1. */
    private static String browsable(String address) {
        return address.replace("://0.0.0.0:", "://127.0.0.1:").replace("://[::]:", "://127.0.0.1:");
    }

    /** Several servers starting at once queue on the migration lock, so the scripts run once. */
    private void migrate(FlowbaseConfig config, Database database) {
        MigrateResult result = Migrator.configure()
                .database(database)
                .placeholders(config.placeholders())
                .load()
                .migrate();
        if (!result.executed().isEmpty()) {
            out().println("Applied " + result.executed().size() + " migration(s) in " + result.totalMs() + " ms");
        }
    }

    private static void stop(FlowbaseServer server, Database database, CountDownLatch stopped) {
        // Not a static field: `flowbase --help` makes this command too, and must not start Logback.
        Logger log = LoggerFactory.getLogger(ServeCommand.class);
        log.info("Stopping: closing the HTTP server and the connection pool");
        try {
            server.close();
            database.close();
            log.info("Stopped cleanly");
        } catch (RuntimeException e) {
            log.error("Stopping failed", e);
        } finally {
            stopped.countDown();
        }
    }
}
