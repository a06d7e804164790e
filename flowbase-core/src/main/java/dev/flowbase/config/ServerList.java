package dev.flowbase.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The hosts of a multi-host URL ({@code postgresql://h1:5432,h2:5433/db?targetServerType=primary}),
 * as PostgreSQL's own clients take them: tried in order, the first that is of the wanted kind is
 * used. Only the first one is parsed as the URL's host and port; the others are checked here and
 * handed to the driver as written.
 */
final class ServerList {
    /** A host (name, IPv4, or bracketed IPv6) and an optional port, as pgJDBC takes each element. */
    private static final Pattern SERVER = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^\\[\\]:/?#@,\\s]+)(:(\\d{1,5}))?");

    /** pgJDBC's values of {@code targetServerType}, the legacy master/slave names included. */
    static final Set<String> TARGET_SERVER_TYPES =
            Set.of("any", "primary", "master", "secondary", "slave", "preferprimary", "prefersecondary", "preferslave");

    private ServerList() {}

    /**
     * Splits {@code hosts} at commas: the first element, and the checked others.
     *
     * @throws IllegalArgumentException naming the element that is not a host[:port]
     */
    static List<String> split(String hosts) {
        List<String> servers = new ArrayList<>();
        for (String element : hosts.split(",", -1)) {
            var m = SERVER.matcher(element);
            if (!m.matches() || (m.group(3) != null && Integer.parseInt(m.group(3)) > 65535)) {
                throw new IllegalArgumentException("expected each of the hosts '" + hosts
                        + "' to be host or host:port (as in postgresql://h1:5432,h2:5432/db), not '" + element + "'");
            }
            servers.add(element);
        }
        return servers;
    }

    /** Checks {@code targetServerType} when the URL gives one. */
    static void checkTargetServerType(Map<String, String> options) {
        options.forEach((key, value) -> {
            if (key.equalsIgnoreCase("targetServerType")
                    && !TARGET_SERVER_TYPES.contains(value.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("expected targetServerType to be primary, any, secondary,"
                        + " preferPrimary or preferSecondary, not '" + value + "'");
            }
        });
    }
}
