package dev.flowbase.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret value, such as a password. Its {@code toString} is the mask, so that a secret that
 * slips into a message, a log line or a record's string form still prints as {@code ****}.
 */
public record Secret(String value) {
    public static final String MASK = "****";

    private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)([^/@?#]*)@");
    private static final Pattern URL_PASSWORD_PARAM =
            Pattern.compile("(?i)([?&;](?:password|pass|pwd|sslpassword)=)[^&;]*");

    public static final Secret NONE = new Secret("");

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Replaces the password in {@code scheme://user:password@host} and in {@code ?password=…}. */
    public static String maskUrlCredentials(String url) {
        if (url == null) {
            return null;
        }
        var userInfo = URL_USER_INFO.matcher(url);
        String masked = userInfo.find()
                ? userInfo.replaceFirst(Matcher.quoteReplacement(maskUserInfo(userInfo.group(1)) + "@"))
                : url;
        return URL_PASSWORD_PARAM.matcher(masked).replaceAll("$1" + MASK);
    }

    private static String maskUserInfo(String userInfo) {
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(0, colon + 1) + MASK;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
