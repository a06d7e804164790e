package dev.flowbase;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The front door of the library. */
public final class Flowbase {
    private static final String VERSION = readVersion();

    private Flowbase() {}

    /**
     * A migrator for Flowbase's own schema on {@code database}; use {@link Migrator#configure()} for a
     * user's set, another history table or a lock timeout.
     */
    public static Migrator migrator(Database database) {
        return Migrator.configure().database(database).load();
    }

    /** This build's version, for example {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = Flowbase.class.getResourceAsStream("flowbase-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
