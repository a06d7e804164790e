package dev.flowbase.schema;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Names of scratch schemas and databases: {@code flowbase_expected_<epoch seconds>_<random>}. The
 * time in the name lets a later run tell a scratch space that a killed run left behind (older than
 * {@link #STALE}) from one that a concurrent run is still using.
 */
final class ScratchNames {
    static final String PREFIX = "flowbase_expected_";
    static final Duration STALE = Duration.ofHours(1);

    private ScratchNames() {}

    static String next(Instant now) {
        return PREFIX + now.getEpochSecond() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** Whether {@code name} is a scratch space made before {@code now - STALE}, or one with no time in its name. */
    static boolean stale(String name, Instant now) {
        String rest = name.substring(PREFIX.length());
        int underscore = rest.indexOf('_');
        try {
            long made = Long.parseLong(underscore < 0 ? rest : rest.substring(0, underscore));
            return underscore < 0 || Instant.ofEpochSecond(made).isBefore(now.minus(STALE));
        } catch (NumberFormatException e) {
            return true; // an older Flowbase's name, without the time: no run of this version uses it
        }
    }
}
