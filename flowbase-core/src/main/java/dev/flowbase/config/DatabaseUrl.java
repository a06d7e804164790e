package dev.flowbase.config;

import dev.flowbase.engine.Engine;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database URL taken apart: {@code postgresql://}, {@code postgres://}, {@code mariadb://},
 * {@code mysql://}, {@code sqlite:PATH}, {@code sqlite::memory:} and the same behind {@code jdbc:}.
 * Query parameters other than credentials and TLS settings are kept as driver options. A
 * PostgreSQL URL may name several hosts ({@code h1:p1,h2:p2}): {@code moreHosts} are those after the first.
 */
public record DatabaseUrl(
        Engine engine,
        Optional<String> host,
        Optional<Integer> port,
        Optional<String> database,
        Optional<String> user,
        Optional<Secret> password,
        Optional<Boolean> ssl,
        Optional<Boolean> sslVerify,
        Map<String, String> options,
        Optional<SslMode> sslMode,
        Optional<String> sslCa,
        List<String> moreHosts) {

    /** The URL after its user information (see {@link UrlAuthority}), which may hold any character. */
    private static final Pattern SERVER_URL = Pattern.compile(
            "(?<host>\\[[^]]*]|[^:/?#]*)" + "(?::(?<port>[^/?#]*))?(?:/(?<db>[^?#]*))?(?:\\?(?<query>[^#]*))?");

    private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*");

    public DatabaseUrl {
        options = Map.copyOf(options);
        moreHosts = List.copyOf(moreHosts);
    }

    /**
     * Parses {@code url}, or explains what is wrong with it in words that fit after "expected".
     *
     * @throws IllegalArgumentException whose message says what would be accepted
     */
    public static DatabaseUrl parse(String url) {
        String text = url.strip();
        if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
            text = text.substring(5);
        }
        for (Engine embedded : Engine.values()) {
            String scheme = embedded.id() + ":";
            if (embedded.isEmbedded() && text.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return parseFile(embedded, text.substring(scheme.length()));
            }
        }
        int start = UrlAuthority.start(text);
        if (start < 0 || !SCHEME.matcher(text.substring(0, start - 3)).matches()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        int at = UrlAuthority.userInfoEnd(text);
        String rest = text.substring(at < 0 ? start : at + 1);
        String hostAndPort = rest.substring(0, UrlAuthority.hostEnd(rest, 0));
        if (hostAndPort.startsWith("[") && hostAndPort.indexOf(']') < 0) {
            throw new IllegalArgumentException("expected ] to close the IPv6 address " + hostAndPort
                    + ", as in postgresql://user@[::1]:5432/database");
        }
        // postgresql://h1:p1,h2:p2/db: the first host is the URL's own; the others follow it in order.
        List<String> moreHosts = List.of();
        if (hostAndPort.contains(",")) {
            List<String> servers = ServerList.split(hostAndPort);
            moreHosts = servers.subList(1, servers.size());
            rest = servers.get(0) + rest.substring(hostAndPort.length());
        }
        Matcher m = SERVER_URL.matcher(rest);
        if (!m.matches()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        Engine engine = Engine.fromName(text.substring(0, start - 3))
                .filter(e -> !e.isEmbedded())
                .orElseThrow(() -> new IllegalArgumentException(EXPECTED));
        Optional<String> user = Optional.empty();
        Optional<Secret> password = Optional.empty();
        if (at >= 0) {
            String[] parts = text.substring(start, at).split(":", 2);
            user = nonEmpty(decode(parts[0]));
            if (parts.length == 2) {
                String decoded = decode(parts[1]);
                password = Optional.of(new Secret(decoded, !decoded.equals(parts[1])));
            }
        }
        Optional<Integer> port = Optional.empty();
        if (m.group("port") != null && !m.group("port").isEmpty()) {
            port = Optional.of(parsePort(m.group("port")));
        }
        String host = m.group("host");
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        var query = parseQuery(m.group("query"));
        if (query.containsKey("user")) {
            user = nonEmpty(query.remove("user"));
        }
        if (query.containsKey("password")) {
            password = Optional.of(new Secret(query.remove("password")));
        }
        Optional<Boolean> ssl = Optional.empty();
        Optional<Boolean> verify = Optional.empty();
        String sslmode = removeIgnoringCase(query, "sslmode");
        Optional<SslMode> mode = Optional.empty();
        if (sslmode != null) {
            mode = Optional.of(SslMode.parse(sslmode)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "expected sslmode to be one of disable, require," + " verify-ca, verify-full")));
            ssl = Optional.of(mode.get().encrypted());
            verify = mode.get().encrypted() ? Optional.of(mode.get().verifiesCertificate()) : Optional.empty();
        }
        // libpq's name for the CA file; each dialect gives it to its driver in the driver's own words.
        Optional<String> sslCa = Optional.ofNullable(removeIgnoringCase(query, "sslrootcert"));
        if (sslCa.isPresent()
                && !sslCa.get().isBlank()
                && !Parser.isPath(sslCa.get().strip())) {
            throw new IllegalArgumentException("expected sslrootcert to be the path of a CA file");
        }
        String sslFlag = removeIgnoringCase(query, "ssl");
        if (sslFlag != null) {
            ssl = Optional.of(Parser.bool()
                    .apply(sslFlag)
                    .orElseThrow(() -> new IllegalArgumentException("expected ssl=true or ssl=false")));
        }
        ServerList.checkTargetServerType(query);
        return new DatabaseUrl(
                engine,
                nonEmpty(host),
                port,
                nonEmpty(decode(nullToEmpty(m.group("db")))),
                user,
                password,
                ssl,
                verify,
                query,
                mode,
                sslCa,
                moreHosts);
    }

    private static final String EXPECTED = "expected postgresql://user:password@host:port/database,"
            + " mariadb://…, sqlite:PATH, sqlite::memory: or a jdbc: URL of these";

    /** {@code sqlite:PATH}, {@code sqlite:///abs/path}, {@code sqlite::memory:}: an embedded engine's file. */
    private static DatabaseUrl parseFile(Engine engine, String rest) {
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        var query = parseQuery(q < 0 ? null : rest.substring(q + 1));
        if (path.startsWith("//")) {
            path = path.substring(2); // sqlite:///abs/path and sqlite://rel/path
        }
        if (path.isEmpty() || path.endsWith("/") || !Parser.isPath(path)) {
            throw new IllegalArgumentException("expected a file after sqlite:, such as sqlite:./data/flowbase.db");
        }
        return new DatabaseUrl(
                engine,
                Optional.empty(),
                Optional.empty(),
                Optional.of(path),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                query,
                Optional.empty(),
                Optional.empty(),
                List.of());
    }

    private static int parsePort(String text) {
        Parser<Integer> port = Parser.port();
        return port.apply(text).orElseThrow(() -> new IllegalArgumentException(port.expected()));
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            params.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    private static String removeIgnoringCase(Map<String, String> params, String key) {
        for (String k : params.keySet()) {
            if (k.equalsIgnoreCase(key)) {
                return params.remove(k);
            }
        }
        return null;
    }

    /**
     * Percent-decodes {@code text}; a {@code %} that does not start a valid escape is kept as it is,
     * since unencoded passwords are common and the decoder's own error would quote them.
     */
    private static String decode(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean escape = ch == '%' && isHex(text, i + 1) && isHex(text, i + 2);
            escaped.append(ch == '+' ? "%2B" : ch == '%' && !escape ? "%25" : String.valueOf(ch));
        }
        return URLDecoder.decode(escaped.toString(), StandardCharsets.UTF_8);
    }

    private static boolean isHex(String text, int i) {
        return i < text.length() && Character.digit(text.charAt(i), 16) >= 0;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
