package dev.flowbase.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What this build is, read once from the properties file the build writes. */
public final class BuildInfo {
    private static final String VERSION = readVersion();

    private BuildInfo() {}

    /** This build's version, for example {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/flowbase/flowbase-version.properties")) {
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
