package dev.flowbase.config;

import java.util.regex.Pattern;

/**
 * Where the user information of a {@code scheme://user:password@host…} URL ends. Passwords are
 * often pasted unencoded, with {@code / # ? @ :} in them, so the split is at the last {@code @}
 * that is followed by something that can be a host and port, as libpq splits at the last {@code @}
 * before the path. Masking is blunter on purpose: it hides everything up to the last {@code @},
 * also in URLs that do not parse, so it never shows less than parsing took as the password.
 */
final class UrlAuthority {
    /** A host (a bracketed IPv6 address or a name without delimiters) and an optional port. */
    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[^]]*]|[^\\[\\]:/?#@]*)(:\\d*)?");
    /** What precedes a query that holds the only {@code @}s: a host, a port and a path, no user information. */
    private static final Pattern HOST_PORT_PATH = Pattern.compile("(\\[[^]]*]|[^\\[\\]:/?#@]*)(:\\d*)?(/[^@]*)?");

    private UrlAuthority() {}

    /** The index just after {@code ://}, or -1 when {@code url} has no authority. */
    static int start(String url) {
        int i = url.indexOf("://");
        return i < 0 ? -1 : i + 3;
    }

    /**
     * Where parsing takes the user information to end, or -1 when there is none: the last {@code @}
     * that is followed by a plausible host and port; an {@code @} that only appears in the query of
     * a URL without user information (such as {@code ?user=me@corp}) is left to the query.
     */
    static int userInfoEnd(String url) {
        int start = start(url);
        int query = start < 0 ? -1 : url.indexOf('?', start);
        if (query > 0 && HOST_PORT_PATH.matcher(url.substring(start, query)).matches()) {
            return -1;
        }
        return start < 0 ? -1 : hostStart(url, start);
    }

    /**
     * Where masking takes the user information to end: the last {@code @} of all. It may hide more
     * than the password (a query value holding an {@code @}), never less.
     */
    static int maskEnd(String url) {
        int start = start(url);
        int last = url.lastIndexOf('@');
        return start < 0 || last < start ? -1 : last;
    }

    /** The last {@code @} followed by a plausible host and port, or the last {@code @} of all. */
    private static int hostStart(String url, int start) {
        int last = url.lastIndexOf('@');
        for (int at = last; at >= start; at = url.lastIndexOf('@', at - 1)) {
            if (HOST_AND_PORT
                    .matcher(url.substring(at + 1, hostEnd(url, at + 1)))
                    .matches()) {
                return at;
            }
        }
        return last < start ? -1 : last;
    }

    /** The end of the host and port that begin at {@code from}: the next {@code /}, {@code ?} or {@code #}. */
    static int hostEnd(String url, int from) {
        for (int i = from; i < url.length(); i++) {
            char ch = url.charAt(i);
            if (ch == '/' || ch == '?' || ch == '#') {
                return i;
            }
        }
        return url.length();
    }
}
