package dev.flowbase.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What this build is, read once from the properties file the build writes. */
public final class BuildInfo {
    private static final Properties BUILD = read();

    private BuildInfo() {}

    /** This build's version, for example {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return BUILD.getProperty("version", "unknown");
    }

    /** The commit this build was made from (a release or image build passes it), else {@code unknown}. */
    public static String commit() {
        String commit = BUILD.getProperty("commit", "");
        // An unfiltered placeholder means the build did not set one.
        return commit.isBlank() || commit.startsWith("${") ? "unknown" : commit;
    }

    /** The line {@code flowbase --version} prints: the version and the commit. */
    public static String versionLine() {
        return "flowbase " + version() + " (commit " + commit() + ")";
    }

    private static Properties read() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/flowbase/flowbase-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
