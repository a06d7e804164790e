package dev.flowbase.config;

import java.util.regex.Pattern;

/**
 * A secret value, such as a password. Its {@code toString} is the mask, so that a secret that
 * slips into a message, a log line or a record's string form still prints as {@code ****}.
 *
 * @param urlDecoded whether the value came from a URL whose {@code %XX} escapes were decoded: a
 *     refused login then says so, since a password holding a {@code %} is often pasted unencoded
 */
public record Secret(String value, boolean urlDecoded) {
    public static final String MASK = "****";

    private static final Pattern URL_PASSWORD_PARAM =
            Pattern.compile("(?i)([?&;](?:password|pass|pwd|sslpassword)=)[^&;]*");

    public static final Secret NONE = new Secret("");

    public Secret(String value) {
        this(value, false);
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /**
     * Replaces the password in {@code scheme://user:password@host} and in {@code ?password=…}, also
     * in URLs that do not parse: everything after the user name's colon up to the {@code @} that
     * ends the user information is masked, whatever characters the password holds.
     */
    public static String maskUrlCredentials(String url) {
        if (url == null) {
            return null;
        }
        int start = UrlAuthority.start(url);
        int at = UrlAuthority.maskEnd(url);
        String masked = url;
        if (at >= 0) {
            int colon = url.indexOf(':', start);
            if (colon >= 0 && colon < at) {
                masked = url.substring(0, colon + 1) + MASK + url.substring(at);
            }
        }
        return URL_PASSWORD_PARAM.matcher(masked).replaceAll("$1" + MASK);
    }

    @Override
    public String toString() {
        return MASK;
    }
}
