package dev.flowbase.db;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Refuses servers older than the dialect supports, before anything is changed on them. */
final class ServerVersion {
    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)");

    private ServerVersion() {}

    static void require(Dialect dialect, ServerFacts facts, DatabaseConfig config) {
        if (!dialect.versionApplies(facts)) {
            return;
        }
        if (compare(facts.version(), dialect.minimumVersion()) < 0) {
            throw new FlowbaseException(
                    ErrorCode.UNSUPPORTED_SERVER,
                    config.describeTarget() + " runs " + facts.product() + " " + facts.version() + "; Flowbase needs "
                            + dialect.minimumVersion() + " or newer");
        }
    }

    static int compare(String version, String minimum) {
        int[] a = parse(version);
        int[] b = parse(minimum);
        return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
    }

    private static int[] parse(String version) {
        Matcher m = MAJOR_MINOR.matcher(version);
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : new int[] {0, 0};
    }
}
